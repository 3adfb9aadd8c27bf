using System.Security.Claims;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// The signed-in person as every feature sees them: who, which role, which province or district.
/// All scope filtering goes through <see cref="CanSee"/> so there is one rule to audit.
/// </summary>
public sealed record Caller(string UserName, string DisplayName, Role Role, string Province, string? District)
{
    public const string ProvinceClaim = "orgrestructure:province";
    public const string DistrictClaim = "orgrestructure:district";
    public const string DisplayNameClaim = "orgrestructure:display-name";

    public bool IsReadOnly => Role == Role.Auditor;

    public string ScopeLabel => District ?? Province;

    public bool CanSee(string province, string district) =>
        string.Equals(province, Province, StringComparison.Ordinal)
        && (Roles.IsProvinceWide(Role) || District is null || string.Equals(district, District, StringComparison.Ordinal));

    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(ClaimTypes.Name, UserName);
        yield return new Claim(ClaimTypes.Role, Role.ToString());
        yield return new Claim(ProvinceClaim, Province);
        yield return new Claim(DisplayNameClaim, DisplayName);
        if (District is not null)
        {
            yield return new Claim(DistrictClaim, District);
        }
    }

    public static Caller? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || principal.Identity.Name is not { } name
            || !Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role)
            || principal.FindFirstValue(ProvinceClaim) is not { } province)
        {
            return null;
        }

        return new Caller(name, principal.FindFirstValue(DisplayNameClaim) ?? name, role, province, principal.FindFirstValue(DistrictClaim));
    }
}
