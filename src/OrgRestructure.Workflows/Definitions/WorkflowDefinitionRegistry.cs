using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Definitions;

/// <summary>
/// Every known definition version. A case asks for the version it pinned, so registering
/// version 2 leaves cases started on version 1 exactly as they were.
/// </summary>
public sealed class WorkflowDefinitionRegistry
{
    public const string SchemaFileName = "schema.json";

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> _definitions = [];

    /// <summary>Reads every *.json (except schema.json) in <paramref name="directory"/>; throws when any is invalid.</summary>
    public static WorkflowDefinitionRegistry LoadFromDirectory(string directory)
    {
        var (registry, errors) = ValidateDirectory(directory);
        return errors.Count > 0 ? throw new InvalidWorkflowDefinitionException(errors) : registry;
    }

    /// <summary>Reads a directory and returns the valid definitions and the errors of the rest.</summary>
    public static (WorkflowDefinitionRegistry Registry, IReadOnlyList<DefinitionError> Errors) ValidateDirectory(string directory)
    {
        var registry = new WorkflowDefinitionRegistry();
        var errors = new List<DefinitionError>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new DefinitionError(directory, "$", "directory does not exist"));
            return (registry, errors);
        }

        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (string.Equals(Path.GetFileName(file), SchemaFileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (definition, fileErrors) = DefinitionReader.Read(file, File.ReadAllText(file));
            errors.AddRange(fileErrors);
            if (definition is not null)
            {
                var existing = registry.Find(definition.Id, definition.Version);
                if (existing is not null)
                {
                    errors.Add(new DefinitionError(file, "$.version", $"{definition.Id} version {definition.Version} is already defined in {existing.SourceFile}; publish a new version instead"));
                    continue;
                }

                registry.Register(definition);
            }
        }

        return (registry, errors);
    }

    /// <summary>
    /// The shipped definitions: $ORGRESTRUCTURE_WORKFLOWS_DIR, else a workflows/ folder next to
    /// the binaries (copied at build), else the nearest workflows/ folder above the current directory.
    /// </summary>
    public static string LocateDefaultDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ORGRESTRUCTURE_WORKFLOWS_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (File.Exists(Path.Combine(candidate, SchemaFileName)))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "workflows");
    }

    public void Register(WorkflowDefinition definition)
    {
        lock (_gate)
        {
            if (_definitions.TryGetValue((definition.Id, definition.Version), out var existing) && existing.Hash != definition.Hash)
            {
                throw new InvalidOperationException($"{definition.Id} version {definition.Version} is already registered with different content; publish a new version.");
            }

            _definitions[(definition.Id, definition.Version)] = definition;
        }
    }

    public WorkflowDefinition? Find(string id, int version)
    {
        lock (_gate)
        {
            return _definitions.GetValueOrDefault((id, version));
        }
    }

    /// <summary>The given version, or the latest when <paramref name="version"/> is null.</summary>
    public WorkflowDefinition Get(string id, int? version = null)
    {
        lock (_gate)
        {
            var match = version is { } v
                ? _definitions.GetValueOrDefault((id, v))
                : _definitions.Values.Where(d => d.Id == id).MaxBy(d => d.Version);
            return match ?? throw WorkflowNotFound.Definition(id, version);
        }
    }

    /// <summary>
    /// The definition new cases of the plan <paramref name="plan"/> start on: the latest version that
    /// declares the plan as current. Throws <see cref="WorkflowNotFound"/> when none does.
    /// </summary>
    public WorkflowDefinition ForCampaign(string plan)
    {
        lock (_gate)
        {
            var current = _definitions.Values.Where(d => d.Campaign is { Current: true } c && c.Plan == plan).ToList();
            if (current.Select(d => d.Id).Distinct().Count() > 1)
            {
                throw new InvalidOperationException($"Several procedures declare themselves current for the plan '{plan}': {string.Join(", ", current.Select(d => d.Id).Distinct())}.");
            }

            return current.MaxBy(d => d.Version) ?? throw new WorkflowNotFound(
                "campaign-procedure-not-found",
                $"Không có quy trình nào đang áp dụng cho loại kế hoạch '{plan}'.",
                $"No procedure is current for the plan '{plan}'.");
        }
    }

    /// <summary>The latest version of each definition, by id.</summary>
    public IReadOnlyList<WorkflowDefinition> Latest
    {
        get
        {
            lock (_gate)
            {
                return _definitions.Values.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            }
        }
    }

    public IReadOnlyList<WorkflowDefinition> All
    {
        get
        {
            lock (_gate)
            {
                return _definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version).ToList();
            }
        }
    }
}
