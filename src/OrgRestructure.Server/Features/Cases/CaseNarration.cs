using System.Globalization;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>One sentence per event, in both languages, for timelines and audit reports.</summary>
public static class CaseNarration
{
    public static (string Vi, string En) Describe(object? data, StoredEvent stored) => data switch
    {
        CaseStarted e => ($"Khởi động hồ sơ cho {e.District}: {e.Committees.Count} đảng bộ cơ sở dự kiến", $"Case launched for {e.District}: {e.Committees.Count} committees planned"),
        TaskOpened e => ($"Mở bước {e.Step}, hạn {e.DueAt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", $"Step {e.Step} opened, due {e.DueAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"),
        TaskClaimed e => ($"{e.UserName} nhận xử lý bước", $"{e.UserName} claimed the task"),
        TaskReleased e => ($"{e.UserName} trả lại việc cho nhóm", $"{e.UserName} released the task"),
        TaskReassigned e => ($"Giao lại việc cho {e.ToUser}", $"Task reassigned to {e.ToUser}"),
        TaskCompleted e => ($"Hoàn thành bước {e.Step}: {e.OutcomeVi}", $"Step {e.Step} completed: {e.OutcomeEn}"),
        SlateReturned e => ($"Trả danh sách về bước {e.ToStep}: {e.ReasonVi}", $"Slate returned to step {e.ToStep}: {e.ReasonEn}"),
        CaseCompleted e => ($"Hoàn thành hồ sơ: {e.SummaryVi}", $"Case completed: {e.SummaryEn}"),
        CaseCancelled e => ($"Hủy hồ sơ: {e.Reason}", $"Case cancelled: {e.Reason}"),
        _ => (stored.Type, stored.Type),
    };
}
