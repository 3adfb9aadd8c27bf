using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Localization;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>Base of every page: the caller, the language, and refusals shown in the page instead of thrown.</summary>
public abstract class AppPage : PageModel
{
    public Caller Me => User.Caller();

    public Text T => HttpContext.RequestServices.GetRequiredService<Text>();

    /// <summary>The message of the last refused action, in the page's language.</summary>
    public string? ErrorMessage { get; set; }

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; set; } = new Dictionary<string, string[]>();

    protected void Flash(string vi, string en) => TempData["Flash"] = T.L(vi, en);

    /// <summary>Runs an action; a refusal becomes the page's error message (and a 404 stays a 404).</summary>
    protected async Task<IActionResult> TryAsync(Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (RequestRejectedException e) when (e.Status != 404)
        {
            ErrorMessage = T.L(e.MessageVi, e.MessageEn);
            FieldErrors = e.Errors;
            Response.StatusCode = e.Status;
            await OnRefusedAsync();
            return Page();
        }
        catch (OrgRestructure.EventStore.Streams.ConcurrencyException)
        {
            ErrorMessage = T.L("Hồ sơ vừa được người khác cập nhật; vui lòng tải lại trang và thử lại.", "Someone else changed this case first; reload and retry.");
            Response.StatusCode = 409;
            await OnRefusedAsync();
            return Page();
        }
    }

    /// <summary>Reloads what the page shows after a refused action.</summary>
    protected virtual Task OnRefusedAsync() => Task.CompletedTask;
}
