namespace OrgRestructure.Domain.Organizations;

/// <summary>The three blocs of a district's agencies, in the order the planner lists them.</summary>
public enum Bloc
{
    /// <summary>Khối các cơ quan Đảng.</summary>
    PartyAgencies,

    /// <summary>Khối Mặt trận, đoàn thể.</summary>
    FrontAndMassOrganizations,

    /// <summary>Khối chính quyền.</summary>
    Government,
}
