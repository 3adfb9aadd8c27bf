namespace OrgRestructure.Domain.Organizations;

/// <summary>A district-level unit (huyện, thành phố, thị xã…) and its agencies' grassroots organizations.</summary>
public sealed record District(string Name, DistrictKind Kind, IReadOnlyList<GrassrootsOrganization> Organizations)
{
    public int Members => Organizations.Sum(o => o.Members);

    public IEnumerable<GrassrootsOrganization> In(Bloc bloc) => Organizations.Where(o => o.Bloc == bloc);

    public int MembersIn(Bloc bloc) => In(bloc).Sum(o => o.Members);

    /// <summary>"huyện Duy Xuyên", "thành phố Tam Kỳ": how the district is named inside committee names.</summary>
    public string QualifiedNameVi => $"{Labels.Code(Kind)} {Name}";

    public string QualifiedNameEn => $"{Name} {Labels.Of(Kind).En}";
}
