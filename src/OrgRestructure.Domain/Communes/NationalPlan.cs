namespace OrgRestructure.Domain.Communes;

/// <summary>
/// The national plan of the 2025 reorganization (Guidance 31-HD/BTCTW): per province, each new
/// commune-level unit and the old committees it is formed from. Read by <see cref="NationalPlanReader"/>.
/// </summary>
public sealed record NationalPlan(string Campaign, PlanSchedule Schedule, NationalTotals? Published, IReadOnlyList<ProvincePlan> Provinces)
{
    public int UnitsAfter => Provinces.Sum(p => p.Units.Count);

    public int UnitsBefore => Provinces.Sum(p => p.Units.Sum(u => u.FormedFrom.Count));

    public int Members => Provinces.Sum(p => p.Units.Sum(u => u.FormedFrom.Sum(o => o.Members)));

    public int Count(UnitKind kind) => Provinces.Sum(p => p.Units.Count(u => u.Kind == kind));

    /// <summary>The same plan limited to one province (null: the whole country).</summary>
    public NationalPlan For(string? province) =>
        province is null ? this : this with { Provinces = [.. Provinces.Where(p => string.Equals(p.Province, province, StringComparison.Ordinal))] };
}

/// <summary>The schedule of Guidance 31: plans by <see cref="PlansDue"/>, decisions from <see cref="From"/> to <see cref="Until"/>.</summary>
public sealed record PlanSchedule(DateOnly PlansDue, DateOnly From, DateOnly Until, string Term)
{
    public static readonly PlanSchedule Guidance31 = new(new(2025, 5, 15), new(2025, 7, 1), new(2025, 8, 15), "2025-2030");
}

/// <summary>The totals the file says were published, to compare with what it holds.</summary>
public sealed record NationalTotals(int Provinces, int UnitsBefore, int UnitsAfter, int Communes, int Wards, int SpecialZones);

public sealed record ProvincePlan(string Province, string Kind, IReadOnlyList<NewUnit> Units);

/// <summary>A new commune, ward or special zone, formed from the old committees that end.</summary>
public sealed record NewUnit(string Id, string Name, UnitKind Kind, IReadOnlyList<OldCommittee> FormedFrom);

public sealed record OldCommittee(string Id, string Name, string Kind, int Members);

public enum UnitKind
{
    Commune,
    Ward,
    SpecialZone,
}

public static class UnitKinds
{
    /// <summary>The file's codes: xa (commune), phuong (ward), dac-khu (special zone).</summary>
    public static UnitKind? FromCode(string? code) => code switch
    {
        "xa" => UnitKind.Commune,
        "phuong" => UnitKind.Ward,
        "dac-khu" => UnitKind.SpecialZone,
        _ => null,
    };

    public static string Code(UnitKind kind) => kind switch
    {
        UnitKind.Commune => "xa",
        UnitKind.Ward => "phuong",
        _ => "dac-khu",
    };
}
