using System.CommandLine;
using System.Data.Common;
using OrgRestructure.Cli.Commands.Migrate;
using OrgRestructure.EventStore.Verification;

namespace OrgRestructure.Cli.Commands.Verify;

/// <summary>orgrestructure verify: re-checks the hash chain of every stream, or of one.</summary>
internal sealed class VerifyCommand : ICliCommand
{
    public string Name => "verify";

    public Command Create(CliContext context)
    {
        var stream = new Option<string>("--stream") { Description = "Only this stream (e.g. a case's id)", HelpName = "ID" };
        var command = new Command("verify", """
            Verify the event hash chains; exit 1 naming the first altered event

            Recomputes every event's SHA-256 from its stored content and checks each link to the event
            before it. Exit 0 with a summary when all is intact; exit 1 naming, per broken stream, the
            first event (stream, version, event id, position) that does not verify.
            """) { stream };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetValue(stream), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? stream, CancellationToken cancellationToken)
    {
        var store = await StoreCommandSupport.OpenExistingAsync(context);
        if (store is null)
        {
            return 1;
        }

        try
        {
            var verifier = new ChainVerifier(store);
            var report = await CliProgress.RunAsync(context.Output, stream is null ? "Verifying every stream" : $"Verifying {stream}", null, _ => stream is null
                ? verifier.VerifyAllAsync(cancellationToken)
                : verifier.VerifyStreamAsync(stream, cancellationToken));
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
