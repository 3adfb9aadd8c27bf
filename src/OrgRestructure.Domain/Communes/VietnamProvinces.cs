namespace OrgRestructure.Domain.Communes;

/// <summary>The 34 provincial-level units from 1 July 2025 (6 centrally-run cities, 28 provinces).</summary>
public static class VietnamProvinces
{
    public static readonly IReadOnlyList<string> Cities =
        ["Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"];

    public static readonly IReadOnlyList<string> Provinces =
    [
        "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang",
        "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa",
        "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
    ];

    public static readonly IReadOnlyList<string> All = [.. Cities, .. Provinces];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
