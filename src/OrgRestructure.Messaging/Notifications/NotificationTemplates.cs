using System.Globalization;
using OrgRestructure.Contracts;

namespace OrgRestructure.Messaging.Notifications;

/// <summary>A rendered notification for one person.</summary>
public sealed record RenderedNotification(string Kind, string Subject, string Body);

/// <summary>
/// Vietnamese templates (English when the participant prefers it). Subject and body always name
/// the case and the step (numbered and named as the case's definition has it), so a message read
/// out of context still says what it is about.
/// </summary>
public static partial class NotificationTemplates
{
    public static RenderedNotification Render(ICaseIntegrationEvent e, Participant recipient)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(recipient);
        var en = string.Equals(recipient.Language, "en", StringComparison.OrdinalIgnoreCase);
        var step = StepLabel(e, en);
        var caseLabel = CaseLabel(e, en);
        var greeting = (en, recipient.Collective) switch
        {
            (true, _) => $"Dear {recipient.DisplayName},",
            (false, true) => $"Kính gửi các đồng chí {recipient.DisplayName},",
            _ => $"Kính gửi đồng chí {recipient.DisplayName},",
        };
        var footer = en
            ? "This message was sent by OrgRestructure. Open your notification feed for details."
            : "Thông báo này được gửi từ hệ thống OrgRestructure. Vui lòng xem chi tiết trong mục Thông báo.";
        var (kind, subject, line) = e switch
        {
            StepStarted => ("step-started",
                en ? $"[{caseLabel}] {step} has started" : $"[{caseLabel}] Bắt đầu {step}",
                (en ? $"Case {caseLabel} ({e.District}) has moved to {step}." : $"Hồ sơ {caseLabel} ({e.District}) đã chuyển sang {step}.")
                + " " + (e.Wording?.StepNote?.In(en) ?? (en ? "You take part in this step." : "Đồng chí là người tham gia bước này."))),
            // The note already carries the return's sentence (who sent it back, why, about whom).
            TaskAssigned { Returned: { } r } t => ("task-returned",
                en ? $"[{caseLabel}] Returned for revision in {step}: {TaskTitle(t, en)}" : $"[{caseLabel}] Trả lại để hoàn thiện ở {step}: {TaskTitle(t, en)}",
                (en ? $"A step of case {caseLabel} ({e.District}) was sent back to {step} and awaits your revision." : $"Hồ sơ {caseLabel} ({e.District}) được trả lại {step}, chờ đồng chí hoàn thiện.")
                + Due(t.DueAt, en)
                + "\n\n" + ((en ? t.NoteEn ?? t.Note : t.Note) ?? (en ? r.ExplanationEn : r.ExplanationVi))),
            TaskAssigned t => ("task-assigned",
                en ? $"[{caseLabel}] New task in {step}: {TaskTitle(t, en)}" : $"[{caseLabel}] Nhiệm vụ mới ở {step}: {TaskTitle(t, en)}",
                (en ? $"A task of case {caseLabel} ({e.District}), {step}, awaits you: {TaskTitle(t, en)}." : $"Đồng chí có nhiệm vụ cần xử lý trong hồ sơ {caseLabel} ({e.District}), {step}: {TaskTitle(t, en)}.")
                + Due(t.DueAt, en)
                + ((en ? t.NoteEn ?? t.Note : t.Note) is { Length: > 0 } note ? "\n\n" + note : string.Empty)),
            NotificationRequested { Headline: { } headline } n => ("notice:" + n.Kind,
                $"[{caseLabel}] {(en ? n.HeadlineEn ?? headline : headline)}",
                (en ? $"Case {caseLabel} ({e.District}), {step}." : $"Hồ sơ {caseLabel} ({e.District}), {step}.")
                + "\n\n" + (en ? n.MessageEn ?? n.Message : n.Message)),
            NotificationRequested n => ("notice:" + n.Kind,
                en ? $"[{caseLabel}] Notice for {step}" : $"[{caseLabel}] Thông báo {step}",
                (en ? $"Case {caseLabel} ({e.District}), {step}." : $"Hồ sơ {caseLabel} ({e.District}), {step}.")
                + ((en ? n.MessageEn ?? n.Message : n.Message) is { Length: > 0 } text ? "\n\n" + text : string.Empty)),
            DeadlineApproaching d => ("deadline-approaching",
                en ? $"[{caseLabel}] Deadline approaching for {step}" : $"[{caseLabel}] Sắp đến hạn {step}",
                (en ? $"The deadline of {step} in case {caseLabel} ({e.District}) is near." : $"Thời hạn của {step} trong hồ sơ {caseLabel} ({e.District}) sắp đến.") + Due(d.DueAt, en)),
            DeadlineMissed d => ("deadline-missed",
                en ? $"[{caseLabel}] Deadline missed for {step}" : $"[{caseLabel}] Quá hạn {step}",
                (en ? $"The deadline of {step} in case {caseLabel} ({e.District}) has passed." : $"Đã quá thời hạn của {step} trong hồ sơ {caseLabel} ({e.District}).") + Due(d.DueAt, en)),
            CaseCompleted => ("case-completed",
                en ? $"[{caseLabel}] Case completed" : $"[{caseLabel}] Hồ sơ đã hoàn thành",
                en ? $"Case {caseLabel} ({e.District}) has completed all its steps." : $"Hồ sơ {caseLabel} ({e.District}) đã hoàn thành tất cả các bước."),
            CaseCancelled c => ("case-cancelled",
                en ? $"[{caseLabel}] Case cancelled" : $"[{caseLabel}] Hồ sơ đã bị hủy",
                (en ? $"Case {caseLabel} ({e.District}) was cancelled." : $"Hồ sơ {caseLabel} ({e.District}) đã bị hủy.") + (c.Reason is null ? string.Empty : $" {(en ? "Reason" : "Lý do")}: {c.Reason}")),
            _ => (e.GetType().Name, $"[{caseLabel}] {step}", $"{caseLabel}: {step}"),
        };
        return new RenderedNotification(kind, subject, $"{greeting}\n\n{line}\n\n{footer}\n");
    }

    /// <summary>
    /// The step as its definition names it for notices: "bước 2: Lấy phiếu tín nhiệm của đảng viên" /
    /// "step 2: Members' confidence vote"; a step without a number by its name in quotes
    /// ("bước “Quyết định hợp nhất, giải thể”"); never by its id.
    /// </summary>
    public static string StepLabel(ICaseIntegrationEvent e, bool english)
    {
        ArgumentNullException.ThrowIfNull(e);
        var word = english ? "step" : "bước";
        var name = e.Wording?.Step?.In(english) ?? (e.StepName is { } n0 && !StepIdLike().IsMatch(n0) ? n0 : null);
        return (e.Step, name) switch
        {
            ({ } n, { } title) => $"{word} {n.ToString(CultureInfo.InvariantCulture)}: {title}",
            ({ } n, null) => $"{word} {n.ToString(CultureInfo.InvariantCulture)}",
            (null, { } title) => $"{word} “{title}”",
            _ => english ? "the case" : "hồ sơ",
        };
    }

    private static string CaseLabel(ICaseIntegrationEvent e, bool english)
    {
        var title = e switch
        {
            CaseLaunched c => c.Title,
            StepStarted s => s.Title,
            StepCompleted s => s.Title,
            CaseCompleted c => c.Title,
            CaseCancelled c => c.Title,
            _ => null,
        };
        // The case is named by what it does and where; its id is for machines (the feed links to it).
        var words = e.Wording?.Case?.In(english) ?? title;
        return string.IsNullOrWhiteSpace(words) ? e.District : words;
    }

    private static string TaskTitle(TaskAssigned t, bool english) =>
        (english ? t.TaskTitleEn : null) ?? t.TaskTitle ?? (english ? "a task" : "nhiệm vụ");

    private static string Due(DateTimeOffset? due, bool english) =>
        due is { } d ? (english ? $" Due: {d:yyyy-MM-dd HH:mm} UTC." : $" Hạn: {d.UtcDateTime.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} (UTC).") : string.Empty;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex StepIdLike();
}
