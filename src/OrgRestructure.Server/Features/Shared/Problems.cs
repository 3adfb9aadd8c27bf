using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// Every error the API answers is a problem-details document with <c>messageVi</c>,
/// <c>messageEn</c> and <c>errors</c>; <c>title</c> follows Accept-Language (Vietnamese by default).
/// </summary>
public static class Problems
{
    public static ProblemDetails Create(HttpContext context, int status, string vi, string en, IReadOnlyDictionary<string, string[]>? errors = null, bool retryable = false)
    {
        var english = context.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = english ? en : vi,
            Detail = english ? vi : en,
            Type = $"https://httpstatuses.io/{status}",
            Instance = context.Request.Path,
        };
        problem.Extensions["messageVi"] = vi;
        problem.Extensions["messageEn"] = en;
        problem.Extensions["errors"] = errors ?? new Dictionary<string, string[]>();
        problem.Extensions["retryable"] = retryable;
        return problem;
    }

    public static Task WriteAsync(HttpContext context, int status, string vi, string en, IReadOnlyDictionary<string, string[]>? errors = null, bool retryable = false)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Create(context, status, vi, en, errors, retryable), options: null, contentType: "application/problem+json");
    }

    /// <summary>Maps an exception to (status, vi, en, errors, retryable). Unknown exceptions are the only 500s.</summary>
    public static (int Status, string Vi, string En, IReadOnlyDictionary<string, string[]>? Errors, bool Retryable) Describe(Exception exception) => exception switch
    {
        RequestRejectedException r => (r.Status, r.MessageVi, r.MessageEn, r.Errors, false),
        WorkflowRuleViolation v => (v.StatusHint, v.MessageVi, v.MessageEn, FieldErrors(v.Problems), false),
        WorkflowException w => (w.StatusHint, w.MessageVi, w.MessageEn, null, false),
        ConcurrencyException => (409, "Hồ sơ vừa được người khác cập nhật; vui lòng tải lại và thử lại.", "Someone else changed this case first; reload and retry.", null, true),
        BadHttpRequestException { StatusCode: 413 } => (413, "Nội dung gửi lên quá lớn.", "The request body is too large.", null, false),
        BadHttpRequestException b when b.InnerException is JsonException j => (400, "Nội dung JSON không hợp lệ hoặc sai kiểu dữ liệu: " + j.Path, "Malformed JSON or a value of the wrong type: " + j.Path, null, false),
        BadHttpRequestException b when b.Message.Contains("no body", StringComparison.Ordinal) => (400, "Thiếu nội dung yêu cầu (JSON).", "The request body (JSON) is missing.", null, false),
        BadHttpRequestException b => (b.StatusCode, "Yêu cầu không hợp lệ (sai định dạng hoặc thiếu tham số).", "Bad request: " + b.Message, null, false),
        JsonException j => (400, "Nội dung JSON không hợp lệ: " + j.Path, "Malformed JSON: " + j.Path, null, false),
        _ => (500, "Lỗi máy chủ; thao tác chưa được ghi nhận.", "Server error; nothing was recorded.", null, true),
    };

    /// <summary>The engine's field problems as problem-details errors: field → "vi / en" messages.</summary>
    public static IReadOnlyDictionary<string, string[]> FieldErrors(IReadOnlyList<FieldProblem> problems) =>
        problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => $"{p.Vi} / {p.En}").ToArray(), StringComparer.Ordinal);
}
