using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// A form people fill in. Config: "fields" (typed form fields), optional "context" (data paths
/// shown with the task), optional "matches" (a list that must account for one the case holds,
/// <see cref="MatchesCheck"/>). Output: the submitted data.
/// </summary>
internal sealed class HumanTaskActivity : IActivity
{
    public string Kind => "HumanTask";

    public bool CreatesTask => true;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["fields", "context", "matches"]);
        if (step.Config["fields"] is null)
        {
            check.Error(path + ".fields", "is required: the form's fields");
        }
        else
        {
            FormFieldReader.ReadList(check, step.Config["fields"], path + ".fields");
        }

        foreach (var context in check.StringList(step.Config, "context", path, false) ?? [])
        {
            check.DataPath(context, path + ".context", step);
        }

        MatchesCheck.ValidateConfig(step, check);
    }

    public void Start(StepContext context)
    {
        var check = new DefinitionCheck(context.Definition.SourceFile);
        var fields = FormFieldReader.ReadList(check, context.Config["fields"], "$");
        context.CreateTask(fields, ContextData(context));
    }

    public void Complete(StepContext context, WorkTask task, JsonObject data)
    {
        SlateFormCheck.Enforce(context, data);
        MatchesCheck.Enforce(context, task, data);
        context.Complete("submitted", data.DeepClone());
    }

    /// <summary>The values of the configured data paths, keyed by path, for the task's reader.</summary>
    internal static JsonObject ContextData(StepContext context, params string[] extra)
    {
        var result = new JsonObject();
        var paths = (context.Config["context"] as JsonArray)?.Select(n => n!.GetValue<string>()) ?? [];
        foreach (var path in paths.Concat(extra))
        {
            result[path] = context.Resolve(path)?.DeepClone();
        }

        return result;
    }
}
