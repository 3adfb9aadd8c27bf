using System.Diagnostics.Metrics;

namespace OrgRestructure.Messaging;

/// <summary>Meters of the messaging side, counted after the work committed; the server exports them on /metrics.</summary>
public static class MessagingMetrics
{
    public const string MeterName = "OrgRestructure.Messaging";

    /// <summary>The tag that puts a case id on a span (consume, request) about a case.</summary>
    public const string CaseIdTag = "orgrestructure.case_id";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Notifications = Meter.CreateCounter<long>("orgrestructure.notifications.sent", "{notification}", "In-app notifications written to participants' feeds, by the event that caused them");
    private static readonly Counter<long> Emails = Meter.CreateCounter<long>("orgrestructure.emails.sent", "{email}", "E-mails the SMTP server accepted");

    internal static void NotificationsSent(int count, string eventType)
    {
        if (count > 0)
        {
            Notifications.Add(count, new KeyValuePair<string, object?>("event", eventType));
        }
    }

    internal static void EmailSent() => Emails.Add(1);
}
