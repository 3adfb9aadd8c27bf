using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Auth;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string UserName, Role Role, string Scope);

public sealed record MeResponse(string UserName, string DisplayName, Role Role, string RoleVi, string Province, string? District, bool ReadOnly);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/token", Token).AllowAnonymous();
        group.MapGet("/me", Me).RequireAuthorization();
        return app;
    }

    private static Ok<TokenResponse> Token(TokenRequest request, UserDirectory users, TokenService tokens)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors["userName"] = ["Bắt buộc nhập / required"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Bắt buộc nhập / required"];
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Invalid(errors);
        }

        var caller = users.SignIn(request.UserName, request.Password)
            ?? throw new RequestRejectedException(401, "Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password.");
        var (token, expires) = tokens.Issue(caller.UserName);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expires, caller.UserName, caller.Role, caller.ScopeLabel));
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var c = user.Caller();
        return TypedResults.Ok(new MeResponse(c.UserName, c.DisplayName, c.Role, Roles.Vietnamese(c.Role), c.Province, c.District, c.IsReadOnly));
    }
}
