using System.Text.Json.Nodes;

namespace OrgRestructure.Workflows.Tests.Support;

/// <summary>Form data for the steps of the formation procedure, as a clerk would submit it.</summary>
public static class FormData
{
    /// <summary>The dates each step records, in the steps' order (the clock starts on 2014-09-01).</summary>
    public const string SlateDate = "2014-09-02";
    public const string ConferenceDate = "2014-09-10";
    public const string VettingDate = "2014-09-25";
    public const string DecisionDate = "2014-10-15";
    public const string CeremonyDate = "2014-10-20";

    public static JsonObject Slate(IReadOnlyList<string> candidates, int executiveSeats = 0) => new()
    {
        ["date"] = SlateDate,
        ["criteria"] = "Tiêu chuẩn theo Quy định 214-QĐ/TW",
        ["executiveSeats"] = executiveSeats == 0 ? candidates.Count : executiveSeats,
        ["deputySecretaries"] = 1,
        ["candidates"] = new JsonArray(candidates.Select((c, i) => (JsonNode?)new JsonObject
        {
            ["name"] = c,
            ["position"] = i == 0 ? "secretary" : i == 1 ? "deputy-secretary" : "executive-committee",
        }).ToArray()),
    };

    /// <summary>A conference where every candidate gets <paramref name="approving"/> high-confidence ballots.</summary>
    public static JsonObject Vote(IEnumerable<string> candidates, int summoned, int present, int approving, JsonArray? nominations = null, JsonArray? heads = null)
    {
        var data = new JsonObject
        {
            ["conferenceDate"] = ConferenceDate,
            ["summoned"] = summoned,
            ["present"] = present,
            ["ballotsIssued"] = present,
            ["ballotsReturned"] = present,
            ["tallies"] = new JsonArray(candidates.Select(c => (JsonNode?)Tally(c, approving, 0, present - approving, 0)).ToArray()),
        };
        if (nominations is not null)
        {
            data["nominations"] = nominations;
        }

        if (heads is not null)
        {
            data["headDecisions"] = heads;
        }

        return data;
    }

    /// <summary>A step-3 tally: the bloc's cell leaders (entered by the clerk) are as many as those summoned.</summary>
    public static JsonObject BlocVote(IEnumerable<string> candidates, int summoned, int present, int approving, JsonArray? nominations = null)
    {
        var data = Vote(candidates, summoned, present, approving, nominations);
        data["summonedAtMost"] = summoned;
        return data;
    }

    public static JsonObject Tally(string candidate, int high, int normal, int low, int invalid) => new()
    {
        ["candidate"] = candidate,
        ["high"] = high,
        ["normal"] = normal,
        ["low"] = low,
        ["invalid"] = invalid,
    };

    public static JsonObject Vetting(IEnumerable<string> candidates, params string[] rejected) => new()
    {
        ["date"] = VettingDate,
        ["verdicts"] = new JsonArray(candidates.Select(c => (JsonNode?)new JsonObject
        {
            ["candidate"] = c,
            ["approved"] = !rejected.Contains(c),
            ["reason"] = rejected.Contains(c) ? "Chưa đủ tiêu chuẩn về thời gian công tác" : "Đạt tiêu chuẩn",
        }).ToArray()),
    };

    public static JsonObject Decision(string number, IEnumerable<(string Name, string Position)> appointees) => new()
    {
        ["number"] = number,
        ["date"] = DecisionDate,
        ["signatory"] = "Bí thư Huyện ủy",
        ["appointees"] = new JsonArray(appointees.Select(a => (JsonNode?)new JsonObject { ["name"] = a.Name, ["position"] = a.Position }).ToArray()),
    };

    public static JsonObject Decision(string number, IReadOnlyList<string> names) =>
        Decision(number, names.Select((n, i) => (n, i == 0 ? "secretary" : i == 1 ? "deputy-secretary" : "executive-committee")));

    public static JsonObject Announcement(params string[] decisions) => new()
    {
        ["ceremonyDate"] = CeremonyDate,
        ["attendees"] = 60,
        ["decisions"] = new JsonArray(decisions.Select(d => (JsonNode?)d).ToArray()),
    };

    public static JsonObject Election(int seats, int summoned, int present, IEnumerable<(string Name, int Votes)> candidates, string? chair) => new()
    {
        ["seats"] = seats,
        ["summoned"] = summoned,
        ["present"] = present,
        ["ballotsIssued"] = present,
        ["ballotsReturned"] = present,
        ["candidates"] = new JsonArray(candidates.Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["votes"] = c.Votes }).ToArray()),
        ["chair"] = chair,
    };

    public static JsonObject FirstMeeting() => new()
    {
        ["meetingDate"] = "2014-10-22",
        ["assignments"] = "Phân công theo Quy chế làm việc",
        ["programme"] = "Chương trình công tác nhiệm kỳ 2014–2015",
    };

    public static JsonObject Committee(string id, string name, int members, string? exception = null)
    {
        var c = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["blocs"] = new JsonArray("government"),
            ["organizations"] = new JsonArray(id + "-a", id + "-b"),
            ["members"] = members,
        };
        if (exception is not null)
        {
            c["exception"] = exception;
        }

        return c;
    }

    public static JsonObject FormationInput(params JsonObject[] committees) => new()
    {
        ["district"] = "Duy Xuyên",
        ["province"] = "Quảng Nam",
        ["committees"] = new JsonArray(committees.Select(c => (JsonNode?)c).ToArray()),
    };
}
