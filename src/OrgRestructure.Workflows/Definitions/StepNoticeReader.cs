using System.Text.Json.Nodes;

namespace OrgRestructure.Workflows.Definitions;

/// <summary>Reads a step's "notice": {"title", "notify", "text", "data", "progress": {"notify", "text"}} (see <see cref="StepNotice"/>).</summary>
internal static class StepNoticeReader
{
    public static StepNotice? Read(DefinitionCheck check, JsonNode? node, string path, string kind)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject o)
        {
            check.Error(path, "must be an object {\"title\", \"notify\", \"text\", \"data\", \"progress\"}");
            return null;
        }

        DefinitionReader.UnknownKeys(check, o, path, ["title", "notify", "text", "data", "progress"]);
        var title = check.Text(o, "title", path, false);
        var notify = check.StringList(o, "notify", path, false) ?? [];
        var text = check.Text(o, "text", path, false);
        var data = check.StringList(o, "data", path, false) ?? [];
        if (data.Count > 0 && kind != "Notify")
        {
            check.Error(path + ".data", $"only a Notify step attaches data, not a {kind} step");
        }

        return new StepNotice(title, notify, text, data, ReadProgress(check, o["progress"], path + ".progress", kind));
    }

    private static ProgressNotice? ReadProgress(DefinitionCheck check, JsonNode? node, string path, string kind)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject o || kind != "ForEach")
        {
            check.Error(path, "must be an object {\"notify\": [groups], \"text\": {vi, en}}, on a ForEach step");
            return null;
        }

        DefinitionReader.UnknownKeys(check, o, path, ["notify", "text"]);
        var notify = check.StringList(o, "notify", path, true);
        var text = check.Text(o, "text", path, true);
        if (notify is { Count: 0 })
        {
            check.Error(path + ".notify", "must name at least one group");
        }

        return notify is { Count: > 0 } && text is not null ? new ProgressNotice(notify, text) : null;
    }
}
