using System.Reflection;
using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Replay;

/// <summary>
/// Folds a stream's events into its state, for replay and audit. The engine registers the fold
/// of its case streams; streams nobody claims get <see cref="GenericStreamFolder"/>.
/// </summary>
public interface IStreamFolder
{
    /// <summary>Whether this folder understands the stream (e.g. by id prefix or first event type).</summary>
    bool CanFold(string streamId, IReadOnlyList<StoredEvent> events);

    /// <summary>The state after <paramref name="events"/> (in version order), as JSON.</summary>
    JsonNode? Fold(string streamId, IReadOnlyList<StoredEvent> events);
}

/// <summary>
/// Picks the folder for a stream: the first registered one that can fold it, else the generic fold.
/// </summary>
public sealed class StreamFolderRegistry(IEnumerable<IStreamFolder> folders)
{
    private readonly IReadOnlyList<IStreamFolder> _folders = folders.Where(f => f is not GenericStreamFolder).ToList();

    public IReadOnlyList<IStreamFolder> Folders => _folders;

    public IStreamFolder Resolve(string streamId, IReadOnlyList<StoredEvent> events) =>
        _folders.FirstOrDefault(f => f.CanFold(streamId, events)) ?? GenericStreamFolder.Instance;

    /// <summary>
    /// Folders with a public parameterless constructor found in the given assemblies: how the CLI,
    /// which has no service container, picks up the engine's folds.
    /// </summary>
    public static StreamFolderRegistry Discover(IEnumerable<Assembly> assemblies) => new(
        assemblies
            .SelectMany(SafeTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                && typeof(IStreamFolder).IsAssignableFrom(t)
                && t != typeof(GenericStreamFolder)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IStreamFolder)Activator.CreateInstance(t)!));

    /// <summary>Discovers folders in the OrgRestructure assemblies next to the running program.</summary>
    public static StreamFolderRegistry FromApplicationAssemblies()
    {
        var assemblies = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            assemblies.TryAdd(loaded.GetName().Name ?? loaded.FullName!, loaded);
        }

        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "OrgRestructure.*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!assemblies.ContainsKey(name))
            {
                try
                {
                    assemblies[name] = Assembly.Load(new AssemblyName(name));
                }
                catch (Exception ex) when (ex is FileLoadException or BadImageFormatException or FileNotFoundException)
                {
                    // Not loadable here (e.g. a test assembly of another framework): nothing to fold with.
                }
            }
        }

        return Discover(assemblies.Values.Where(a => a.GetName().Name?.StartsWith("OrgRestructure", StringComparison.Ordinal) == true));
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}

/// <summary>
/// The fold for streams no one else claims: last version, the event types seen, and the events'
/// object data merged in order (later keys win).
/// </summary>
public sealed class GenericStreamFolder : IStreamFolder
{
    public static readonly GenericStreamFolder Instance = new();

    public bool CanFold(string streamId, IReadOnlyList<StoredEvent> events) => true;

    public JsonNode? Fold(string streamId, IReadOnlyList<StoredEvent> events)
    {
        var merged = new JsonObject();
        var types = new JsonArray();
        foreach (var e in events)
        {
            types.Add(e.Type);
            if (JsonNode.Parse(e.Data) is JsonObject data)
            {
                foreach (var (key, value) in data.ToList())
                {
                    data.Remove(key);
                    merged[key] = value;
                }
            }
        }

        return new JsonObject
        {
            ["streamId"] = streamId,
            ["version"] = events.Count == 0 ? 0 : events[^1].StreamVersion,
            ["lastEventAt"] = events.Count == 0 ? null : events[^1].Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["eventTypes"] = types,
            ["data"] = merged,
        };
    }
}
