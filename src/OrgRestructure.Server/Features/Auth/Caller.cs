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

    /// <summary>The province an account of the central board is filed under: it is no province's.</summary>
    public const string Nationwide = "Toàn quốc";

    public bool IsReadOnly => Role == Role.Auditor;

    /// <summary>The central organization board: every province is in scope.</summary>
    public bool IsNational => Roles.IsNational(Role);

    public string ScopeLabel => District ?? Province;

    public bool CanSee(string province, string district) =>
        IsNational
        || (string.Equals(province, Province, StringComparison.Ordinal)
            && (Roles.IsProvinceWide(Role) || District is null || string.Equals(district, District, StringComparison.Ordinal)));

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
