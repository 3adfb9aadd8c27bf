namespace OrgRestructure.Domain.Organizations;

public enum DistrictKind
{
    /// <summary>Huyện (rural district).</summary>
    RuralDistrict,

    /// <summary>Quận (urban district).</summary>
    UrbanDistrict,

    /// <summary>Thành phố (provincial city).</summary>
    City,

    /// <summary>Thị xã (town).</summary>
    Town,
}
