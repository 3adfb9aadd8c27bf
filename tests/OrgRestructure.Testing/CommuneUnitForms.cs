using System.Text.Json.Nodes;

namespace OrgRestructure.Testing;

/// <summary>
/// One new unit of the 2025 reform (Lai Châu, formed from two old committees) and the forms of
/// workflows/commune-party-committee-formation-2025.json as its fields name them: the plan, the
/// establishment decision, the old committees' closure.
/// </summary>
public static class CommuneUnitForms
{
    private static readonly string[] Executive = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"];

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
        ["candidates"] = new JsonArray(
            Candidate(Executive[0], "secretary"),
            Candidate(Executive[1], "deputy-secretary"),
            Candidate(Executive[2], "executive-committee"),
            Candidate(Executive[3], "executive-committee"),
            Candidate(Executive[4], "executive-committee"),
            Candidate("Vũ Văn Giang", "inspection-chair"),
            Candidate("Đỗ Thị Hoa", "inspection-vice-chair"),
            Candidate("Bùi Văn Khánh", "inspection-committee")),
    };

    public static JsonObject Decision(string date = "2025-07-01") => new()
    {
        ["number"] = "120-QĐ/TU",
        ["date"] = date,
        ["signatory"] = "Bí thư Tỉnh ủy",
        ["appointees"] = new JsonArray(
            Appointee(Executive[0], "secretary"),
            Appointee(Executive[1], "deputy-secretary"),
            Appointee(Executive[2], "executive-committee"),
            Appointee(Executive[3], "executive-committee"),
            Appointee(Executive[4], "executive-committee"),
            Appointee("Vũ Văn Giang", "inspection-chair"),
            Appointee("Đỗ Thị Hoa", "inspection-vice-chair"),
            Appointee("Bùi Văn Khánh", "inspection-committee")),
    };

    public static JsonObject Closure(int secondTransferred = 85, string endedAt = "2025-07-01") => new()
    {
        ["endedAt"] = endedAt,
        ["closures"] = new JsonArray(
            new JsonObject { ["organization"] = "Đảng bộ xã cũ 001.1 (Lai Châu)", ["membersTransferred"] = 120, ["recordsHandedOver"] = true },
            new JsonObject { ["organization"] = "Đảng bộ xã cũ 001.2 (Lai Châu)", ["membersTransferred"] = secondTransferred, ["recordsHandedOver"] = true }),
    };

    private static JsonObject Candidate(string name, string position) => new() { ["name"] = name, ["position"] = position };

    private static JsonObject Appointee(string name, string position) => new() { ["name"] = name, ["position"] = position };
}
