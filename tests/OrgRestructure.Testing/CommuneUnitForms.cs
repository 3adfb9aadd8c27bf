using System.Text.Json.Nodes;

namespace OrgRestructure.Testing;

/// <summary>
/// One new unit of the 2025 reform (Lai Châu, formed from two old committees) and the forms of
/// workflows/commune-party-committee-formation-2025.json as its fields name them: the plan, the
/// establishment decision, the old committees' closure.
/// </summary>
public static class CommuneUnitForms
{
    /// <summary>The leadership the plan proposes and the decision appoints: five in the executive committee, three in the inspection committee.</summary>
    private static readonly (string Name, string Position)[] Leadership =
    [
        ("Nguyễn Văn An", "secretary"), ("Trần Thị Bình", "deputy-secretary"), ("Lê Văn Cường", "executive-committee"),
        ("Phạm Thị Dung", "executive-committee"), ("Hoàng Văn Em", "executive-committee"),
        ("Vũ Văn Giang", "inspection-chair"), ("Đỗ Thị Hoa", "inspection-vice-chair"), ("Bùi Văn Khánh", "inspection-committee"),
    ];

    public static JsonObject UnitInput() => new()
    {
        ["province"] = "Lai Châu",
        ["unit"] = "lai-chau-xa-001",
        ["unitName"] = "Xã số 001 (Lai Châu)",
        ["unitKind"] = "xa",
        ["formedFrom"] = new JsonArray(
            new JsonObject { ["id"] = "lai-chau-xa-001-old-1", ["name"] = "Đảng bộ xã cũ 001.1 (Lai Châu)", ["kind"] = "dang-bo-co-so", ["members"] = 120 },
            new JsonObject { ["id"] = "lai-chau-xa-001-old-2", ["name"] = "Đảng bộ xã cũ 001.2 (Lai Châu)", ["kind"] = "dang-bo-co-so", ["members"] = 85 }),
    };

    public static JsonObject Plan() => new()
    {
        ["number"] = "05-ĐA/TU",
        ["date"] = "2025-05-10",
        ["executiveSeats"] = 5,
        ["deputySecretaries"] = 1,
        ["inspectionSeats"] = 3,
        ["candidates"] = People(),
    };

    public static JsonObject Decision(string date = "2025-07-01") => new()
    {
        ["number"] = "120-QĐ/TU",
        ["date"] = date,
        ["signatory"] = "Bí thư Tỉnh ủy",
        ["appointees"] = People(),
    };

    public static JsonObject Closure(int secondTransferred = 85, string endedAt = "2025-07-01") => new()
    {
        ["endedAt"] = endedAt,
        ["closures"] = new JsonArray(
            new JsonObject { ["organization"] = "Đảng bộ xã cũ 001.1 (Lai Châu)", ["membersTransferred"] = 120, ["recordsHandedOver"] = true },
            new JsonObject { ["organization"] = "Đảng bộ xã cũ 001.2 (Lai Châu)", ["membersTransferred"] = secondTransferred, ["recordsHandedOver"] = true }),
    };

    private static JsonArray People() => [.. Leadership.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["position"] = p.Position })];
}
