using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Auth;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string UserName, Role Role, string Scope);

public sealed record MeResponse(string UserName, string DisplayName, Role Role, string RoleVi, string Province, string? District, bool ReadOnly, string Language);

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

public static class AuthEndpoints
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);
    private static readonly string[] Required = ["Bắt buộc nhập / required"];

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/token", Token).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy);
        group.MapGet("/me", Me);
        group.MapPost("/password", ChangePassword).OpenToReadOnly().RequireRateLimiting(SignInLimits.Policy);
        group.MapPost("/revoke", Revoke).OpenToReadOnly();
        return app;
    }

    private static async Task<Ok<TokenResponse>> Token(TokenRequest request, UserDirectory users, AccountStore store, CancellationToken cancellationToken)
    {
        Require(("userName", request.UserName), ("password", request.Password));
        var outcome = await users.SignInAsync(request.UserName, request.Password, cancellationToken);
        var account = Refusal(outcome) is { } refused ? throw refused : outcome.Account!;
        var (token, expires) = await store.IssueTokenAsync(account, TokenLifetime, cancellationToken);
        var caller = AccountClaims.CallerOf(account)!;
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expires, caller.UserName, caller.Role, caller.ScopeLabel));
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user, UserDirectory users)
    {
        var c = user.Caller();
        return TypedResults.Ok(new MeResponse(c.UserName, c.DisplayName, c.Role, Roles.Vietnamese(c.Role), c.Province, c.District, c.IsReadOnly, users.LanguageOf(c.UserName)));
    }

    /// <summary>Every user changes their own password; every cookie and token of theirs is signed out by it.</summary>
    private static async Task<NoContent> ChangePassword(PasswordChange request, ClaimsPrincipal user, UserDirectory users, AccountHistory history, CancellationToken cancellationToken)
    {
        await OwnPassword.ChangeAsync(users, history, user.Caller(), request.CurrentPassword, request.NewPassword, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Revoke(HttpContext context, AccountStore store, CancellationToken cancellationToken)
    {
        if (BearerTokenHandler.TokenOf(context.Request) is { } token)
        {
            await store.RevokeTokenAsync(token, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    /// <summary>The refusal for an outcome that is not a sign-in; null when it is one.</summary>
    public static RequestRejectedException? Refusal(SignInOutcome outcome) => outcome.Status switch
    {
        SignInStatus.SignedIn => null,
        SignInStatus.Locked => new RequestRejectedException(
            423,
            $"Tài khoản tạm khóa vì nhập sai mật khẩu {AccountStore.MaxFailedSignIns} lần; thử lại sau {AccountStore.LockOut.TotalMinutes:0} phút.",
            $"The account is locked after {AccountStore.MaxFailedSignIns} wrong passwords; try again in {AccountStore.LockOut.TotalMinutes:0} minutes."),
        SignInStatus.Disabled => new RequestRejectedException(403, "Tài khoản đã bị vô hiệu hóa; liên hệ quản trị viên.", "This account is disabled; ask an administrator."),
        _ => new RequestRejectedException(401, "Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."),
    };

    internal static void Require(params (string Field, string? Value)[] fields)
    {
        var errors = fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Field, _ => Required);
        if (errors.Count > 0)
        {
            throw RequestRejectedException.Invalid(errors);
        }
    }
}
