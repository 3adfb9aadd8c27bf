using System.Collections.Concurrent;

namespace OrgRestructure.Server.Features.Campaigns;

/// <summary>
/// Names of grassroots organizations by id, from the province's imported survey. Cases carry
/// only the ids; a page, an export or a notice names them. The survey is read once per province
/// (and again only for an id it has not seen); an id no survey knows keeps the id as its name.
/// </summary>
public sealed class OrganizationNames(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The name of an id already learnt; null when not yet learnt.</summary>
    public string? Find(string id) => _names.GetValueOrDefault(id);

    public async Task LearnAsync(string province, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        if (wanted.All(_names.ContainsKey))
        {
            return;
        }

        // Resolved lazily: the campaign service depends on services composed after this one.
        var survey = (await services.GetRequiredService<CampaignService>().LoadAsync(province, ct)).Survey;
        foreach (var organization in survey?.Districts.SelectMany(d => d.Organizations) ?? [])
        {
            _names[organization.Id] = organization.Name;
        }

        // Not in the survey (or no survey): the id is the name, and the survey is not read again for it.
        foreach (var id in wanted.Where(id => !_names.ContainsKey(id)))
        {
            _names[id] = id;
        }
    }
}
