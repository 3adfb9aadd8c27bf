using System.Security.Claims;
using OrgRestructure.Server.Features.Auth;

namespace OrgRestructure.Server.Features.Shared;

public static class CallerExtensions
{
    /// <summary>The signed-in caller; endpoints that call this are behind RequireAuthorization.</summary>
    public static Caller Caller(this ClaimsPrincipal user) =>
        Auth.Caller.From(user) ?? throw new RequestRejectedException(401, "Bạn cần đăng nhập.", "Sign in first.");

    public static string? CommandId(this HttpContext context) => IdempotencyMiddleware.CommandId(context);
}
