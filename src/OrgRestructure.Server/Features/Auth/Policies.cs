using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// Who may call an endpoint, as authorization policies on the endpoint itself. Every API endpoint
/// that changes something requires <see cref="Changes"/> (signed in and not read-only) unless it
/// says <see cref="OpenToReadOnly"/>; scope (province, district) is then checked against the case
/// by <see cref="Caller.CanSee"/>.
/// </summary>
public static class Policies
{
    public const string SignedIn = "signed-in";
    public const string Changes = "changes";
    public const string Administers = "administers";

    /// <summary>/metrics: an administrator (cookie or bearer token) or the configured scrape credential.</summary>
    public const string ScrapesMetrics = "scrapes-metrics";
    private const string ReadOnlyReason = "read-only";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireAssertion(c => Caller.From(c.User) is not null));
        options.AddPolicy(Changes, p => p.RequireAuthenticatedUser().AddRequirements(new NotReadOnlyRequirement()));
        options.AddPolicy(Administers, p => p.RequireAuthenticatedUser().RequireAssertion(c => Caller.From(c.User) is { Role: Role.Administrator }));
        options.AddPolicy(ScrapesMetrics, p => p
            .AddAuthenticationSchemes(FrontDoorSetup.SmartScheme, MetricsScrapeHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => Caller.From(c.User) is { Role: Role.Administrator } || c.User.HasClaim(MetricsScrapeHandler.ScraperClaim, "true")));
    }

    /// <summary>Marks an endpoint that read-only roles may POST to (e.g. changing one's own password).</summary>
    public static TBuilder OpenToReadOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OpenToReadOnlyMetadata());

    /// <summary>
    /// Run after each endpoint's own conventions: an anonymous endpoint stays open; one that
    /// changes something gets <see cref="Changes"/>; any other gets at least <see cref="SignedIn"/>.
    /// </summary>
    public static void ApplyDefaults(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.Any(m => m is IAllowAnonymous))
        {
            return;
        }

        var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
        var changes = methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m) && !HttpMethods.IsOptions(m));
        endpoint.Metadata.Add(new AuthorizeAttribute(changes && !endpoint.Metadata.Any(m => m is OpenToReadOnlyMetadata) ? Changes : SignedIn));
    }

    private sealed class OpenToReadOnlyMetadata;

    private sealed class NotReadOnlyRequirement : AuthorizationHandler<NotReadOnlyRequirement>, IAuthorizationRequirement
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NotReadOnlyRequirement requirement)
        {
            switch (Caller.From(context.User))
            {
                case { IsReadOnly: false }:
                    context.Succeed(requirement);
                    break;
                case { IsReadOnly: true }:
                    context.Fail(new AuthorizationFailureReason(this, ReadOnlyReason));
                    break;
                default:
                    context.Fail();
                    break;
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Refusals as problem details in both languages, naming read-only as the reason when it is.</summary>
    internal sealed class ProblemResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden && context.Request.Path.StartsWithSegments("/api"))
            {
                var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OrgRestructure.Server.Authorization");
                log.LogWarning("Refused {Method} {Path} to {UserName}", context.Request.Method, context.Request.Path, context.User.Identity?.Name);
                return authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == ReadOnlyReason) == true
                    ? Problems.WriteAsync(context, 403, "Kiểm toán viên chỉ được xem, không được thay đổi dữ liệu.", "Auditors are read-only: they cannot change anything.")
                    : Problems.WriteAsync(context, 403, "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.");
            }

            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
