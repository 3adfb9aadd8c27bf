using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Cli.Commands.Migrate;
using OrgRestructure.EventStore.Replay;

namespace OrgRestructure.Cli.Commands.Replay;

/// <summary>orgrestructure replay: a stream's events up to a version or time, and the state they fold to.</summary>
internal sealed class ReplayCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "replay";

    public Command Create(CliContext context)
    {
        var stream = new Option<string>("--stream") { Description = "The stream to replay (a case's id)", HelpName = "ID", Required = true };
        var at = new Option<ReplayPoint>("--at")
        {
            Description = "A version number, or an ISO-8601 time such as 2014-10-01T09:00:00Z (inclusive); default: the end",
            HelpName = "VERSION|TIMESTAMP",
            DefaultValueFactory = _ => ReplayPoint.End,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (!ReplayPoint.TryParse(text, out var point))
                {
                    result.AddError($"--at '{text}' is neither a version nor an ISO-8601 time. / Giá trị --at không hợp lệ.");
                }

                return point;
            },
        };
        var command = new Command("replay", """
            Replay a stream to a version or point in time and print its state as JSON

            Prints one JSON document: the stream's events up to the point (a version number, or an
            ISO-8601 time such as 2014-10-01T09:00:00Z, inclusive) and the state they fold to. Case
            streams are folded by the engine's fold; other streams get a generic fold (last version,
            event types, merged data). Exit 1 when the stream has no events up to that point.
            """) { stream, at };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(stream), parsed.GetValue(at) ?? ReplayPoint.End, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string streamId, ReplayPoint at, CancellationToken cancellationToken)
    {
        var store = await StoreCommandSupport.OpenExistingAsync(context);
        if (store is null)
        {
            return 1;
        }

        try
        {
            var result = await CliProgress.RunAsync(context.Output, $"Replaying {streamId}", null, _ =>
                StreamReplay.ReplayAsync(store, StreamFolderRegistry.FromApplicationAssemblies(), streamId, at, cancellationToken));
            if (result.Events.Count == 0)
            {
                await context.Error.WriteLineAsync($"Stream '{streamId}' has no events up to that point. / Không có sự kiện.");
                return 1;
            }

            await context.Output.WriteLineAsync(Render(result, at).ToJsonString(Pretty));
            return 0;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
        {
            return await StoreCommandSupport.FailAsync(context, store, ex);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private static JsonObject Render(ReplayResult result, ReplayPoint at)
    {
        var events = new JsonArray();
        foreach (var e in result.Events)
        {
            events.Add(new JsonObject
            {
                ["version"] = e.StreamVersion,
                ["position"] = e.GlobalPosition,
                ["eventId"] = e.EventId.ToString("D"),
                ["type"] = e.Type,
                ["timestamp"] = e.Timestamp.ToString("O", CultureInfo.InvariantCulture),
                ["actor"] = e.Actor,
                ["actorRole"] = e.ActorRole,
                ["correlationId"] = e.CorrelationId.ToString("D"),
                ["causationId"] = e.CausationId?.ToString("D"),
                ["data"] = JsonNode.Parse(e.Data),
                ["hash"] = e.Hash,
            });
        }

        return new JsonObject
        {
            ["streamId"] = result.StreamId,
            ["at"] = at.Version is { } v ? v : at.Time?.ToString("O", CultureInfo.InvariantCulture),
            ["folder"] = result.FolderName,
            ["events"] = events,
            ["state"] = result.State,
        };
    }
}
