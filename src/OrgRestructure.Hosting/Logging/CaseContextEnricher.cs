using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace OrgRestructure.Hosting.Logging;

/// <summary>
/// Renders the case scope as one short "Case" property for the console, e.g.
/// " [case=QN-2014-07 step=vetting actor=ubkt.nguyen corr=3f2a…]", empty outside a case, so the
/// console template stays readable. The JSON file keeps the separate properties.
/// </summary>
internal sealed class CaseContextEnricher : ILogEventEnricher
{
    public const string PropertyName = "Case";

    private static readonly (string Property, string Label)[] Parts =
    [
        (CaseLogScope.CaseId, "case"),
        (CaseLogScope.Step, "step"),
        (CaseLogScope.TaskId, "task"),
        (CaseLogScope.Actor, "actor"),
        (CaseLogScope.CorrelationId, "corr"),
    ];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var text = new StringBuilder();
        foreach (var (property, label) in Parts)
        {
            if (logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: not null } scalar)
            {
                text.Append(text.Length == 0 ? " [" : " ").Append(label).Append('=').Append(scalar.Value);
            }
        }

        if (text.Length > 0)
        {
            text.Append(']');
        }

        logEvent.AddOrUpdateProperty(new LogEventProperty(PropertyName, new ScalarValue(text.ToString())));
    }
}
