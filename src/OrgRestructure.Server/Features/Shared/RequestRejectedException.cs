namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// A request the server refuses on purpose, with the message in Vietnamese and English. The
/// problem-details writer turns it into the HTTP answer; nothing has been appended when it is thrown.
/// </summary>
public sealed class RequestRejectedException : Exception
{
    public RequestRejectedException(int status, string messageVi, string messageEn, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(messageEn)
    {
        Status = status;
        MessageVi = messageVi;
        MessageEn = messageEn;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public RequestRejectedException()
        : this(400, "Yêu cầu không hợp lệ.", "Invalid request.")
    {
    }

    public RequestRejectedException(string message)
        : this(400, message, message)
    {
    }

    public RequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        MessageVi = message;
        MessageEn = message;
        Errors = new Dictionary<string, string[]>();
    }

    public int Status { get; }

    public string MessageVi { get; }

    public string MessageEn { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static RequestRejectedException NotFound(string what) =>
        new(404, $"Không tìm thấy {what}.", $"{what} was not found.");

    public static RequestRejectedException Forbidden() =>
        new(403, "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.");

    public static RequestRejectedException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(422, "Dữ liệu chưa hợp lệ: " + string.Join("; ", errors.SelectMany(e => e.Value)), "The data is not valid: " + string.Join("; ", errors.Keys), errors);

    public static RequestRejectedException Conflict(string vi, string en) => new(409, vi, en);
}
