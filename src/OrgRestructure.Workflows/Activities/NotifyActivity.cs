using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// Records a NotificationRequested event ("template", "roles", "subject", "data" paths) and moves
/// on; the messaging side works out addresses and delivers.
/// </summary>
internal sealed class NotifyActivity : IActivity
{
    public string Kind => "Notify";

    public bool CreatesTask => false;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["template", "roles", "subject", "data"]);
        check.Str(step.Config, "template", path, true);
        var roles = check.StringList(step.Config, "roles", path, true);
        if (roles is { Count: 0 })
        {
            check.Error(path + ".roles", "must name at least one role");
        }

        check.Text(step.Config, "subject", path, true);
        foreach (var p in check.StringList(step.Config, "data", path, false) ?? [])
        {
            check.DataPath(p, path + ".data", step);
        }
    }

    public void Start(StepContext context)
    {
        var data = new JsonObject();
        // The notice's data (outside the hash) adds what a published version's config did not attach.
        var paths = ((context.Config["data"] as JsonArray)?.Select(n => n!.GetValue<string>()) ?? []).Concat(context.Step.Notice?.Data ?? []);
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            data[path] = context.Resolve(path)?.DeepClone();
        }

        var subject = context.Config["subject"]!;
        context.RequestNotification(
            context.Text("template")!,
            context.Config["roles"]!.AsArray().Select(n => n!.GetValue<string>()).ToList(),
            new(subject["vi"]!.GetValue<string>(), subject["en"]!.GetValue<string>()),
            data);
        context.Complete("requested", null);
    }
}
