namespace OrgRestructure.Messaging.Notifications;

/// <summary>
/// Where a notice takes its reader: the task's own page when it is about a task, else the case's.
/// The feed links the path; an e-mail carries it absolute under the configured public address.
/// </summary>
public static class NoticeLink
{
    /// <summary>/cases/{case}/tasks/{task} or /cases/{case}.</summary>
    public static string PathOf(string caseId, string? taskId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var kase = "/cases/" + Uri.EscapeDataString(caseId);
        return taskId is { Length: > 0 } task ? $"{kase}/tasks/{Uri.EscapeDataString(task)}" : kase;
    }

    /// <summary>The path under <paramref name="publicBaseUrl"/>, whose own path (a server behind a prefix) is kept.</summary>
    public static string AbsoluteOf(Uri publicBaseUrl, string caseId, string? taskId)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return publicBaseUrl.AbsoluteUri.TrimEnd('/') + PathOf(caseId, taskId);
    }

    /// <summary>The line an e-mail ends with, in the recipient's language; none without a public address.</summary>
    public static string EmailLine(Uri? publicBaseUrl, string caseId, string? taskId, string language)
    {
        if (publicBaseUrl is null)
        {
            return string.Empty;
        }

        var en = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
        var label = taskId is { Length: > 0 }
            ? en ? "Open the task" : "Mở việc"
            : en ? "Open the case" : "Mở hồ sơ";
        return $"\n\n{label}: {AbsoluteOf(publicBaseUrl, caseId, taskId)}";
    }
}
