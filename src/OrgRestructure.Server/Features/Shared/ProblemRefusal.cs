using OrgRestructure.Domain.Common;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>A file the domain refused (a survey, a national plan), as one 422 naming every problem by what it is about.</summary>
public static class ProblemRefusal
{
    public static RequestRejectedException Of(string leadVi, string leadEn, IReadOnlyList<Problem> problems) => new(
        422,
        leadVi + string.Join("; ", problems.Take(10).Select(p => p.ToString())),
        leadEn + string.Join("; ", problems.Take(10).Select(p => string.IsNullOrEmpty(p.Subject) ? p.En : $"{p.Subject}: {p.En}")),
        problems.GroupBy(p => string.IsNullOrEmpty(p.Subject) ? p.Code : p.Subject).ToDictionary(g => g.Key, g => g.Select(p => $"{p.Vi} / {p.En}").ToArray()));
}
