using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrgRestructure.Server.Features.Errors;

/// <summary>
/// A browser's "not found" inside the layout (header, navigation, language switch), so the person
/// can go on from there; the status code pages re-execute here. Both languages, as every error page.
/// </summary>
public sealed class StatusModel : PageModel
{
    public int Status { get; private set; }

    public string MessageVi { get; private set; } = string.Empty;

    public string MessageEn { get; private set; } = string.Empty;

    public void OnGet(int status)
    {
        Status = status is >= 400 and < 600 ? status : 404;
        (MessageVi, MessageEn) = StatusMessages.Of(Status);
        Response.StatusCode = Status;
    }
}
