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

    /// <summary>A field's refusal in the page's language (the rules word them "vi / en").</summary>
    public string ErrorOf(string field) =>
        FieldErrors.TryGetValue(field, out var errors)
            ? string.Join("; ", errors.Select(e => e.Split(" / ", 2) is [var vi, var en] ? T.L(vi, en) : e))
            : string.Empty;

    protected void Flash(string vi, string en) => TempData["Flash"] = T.L(vi, en);

    /// <summary>Runs an action; a refusal becomes the page's error message (and a 404 stays a 404).</summary>
    protected async Task<IActionResult> TryAsync(Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Problems.Describe(e) is { Status: >= 400 and < 500 and not 404 })
        {
            var (status, vi, en, errors, _) = Problems.Describe(e);
            ErrorMessage = T.L(vi, en);
            FieldErrors = errors ?? new Dictionary<string, string[]>();
            Response.StatusCode = status;
            await OnRefusedAsync();
            return Page();
        }
    }

    /// <summary>Reloads what the page shows after a refused action.</summary>
    protected virtual Task OnRefusedAsync() => Task.CompletedTask;
}
