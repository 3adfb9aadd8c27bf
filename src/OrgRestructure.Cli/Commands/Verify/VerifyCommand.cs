using System.Data.Common;
using OrgRestructure.Cli.Commands.Migrate;
using OrgRestructure.EventStore.Verification;

namespace OrgRestructure.Cli.Commands.Verify;

/// <summary>orgrestructure verify: re-checks the hash chain of every stream, or of one.</summary>
internal sealed class VerifyCommand : ICliCommand
{
    public string Name => "verify";

    public string Summary => "Verify the event hash chains; exit 1 naming the first altered event";

    public string Usage => """
        Usage: orgrestructure verify [--stream ID]

        Recomputes every event's SHA-256 from its stored content and checks each link to the event
        before it. Exit 0 with a summary when all is intact; exit 1 naming, per broken stream, the
        first event (stream, version, event id, position) that does not verify.
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = await StoreCommandSupport.ParseAsync(context, args, ["--stream"]);
        if (options is null)
        {
            return 2;
        }

        var store = await StoreCommandSupport.OpenExistingAsync(context);
        if (store is null)
        {
            return 1;
        }

        try
        {
            var verifier = new ChainVerifier(store);
            var report = options.TryGetValue("--stream", out var stream)
                ? await verifier.VerifyStreamAsync(stream!, cancellationToken)
                : await verifier.VerifyAllAsync(cancellationToken);
            if (report.IsValid)
            {
                await context.Output.WriteLineAsync(
                    $"OK: {report.StreamsChecked} streams, {report.EventsChecked} events verified ({store.Description}). / Toàn vẹn.");
                return 0;
            }

            foreach (var failure in report.Failures)
            {
                await context.Output.WriteLineAsync($"FAILED: {failure.Describe()}");
            }

            await context.Output.WriteLineAsync(
                $"{report.Failures.Count} of {report.StreamsChecked} streams do not verify. / Phát hiện dữ liệu bị thay đổi.");
            return 1;
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
}
