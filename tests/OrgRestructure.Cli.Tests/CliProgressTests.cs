namespace OrgRestructure.Cli.Tests;

/// <summary>Redirected output (CI logs, tests) gets plain lines, never a bar redrawn in place.</summary>
public sealed class CliProgressTests
{
    private static readonly int[] Reported = [0, 15, 20, 99, 100, 101, 200];

    [Fact]
    public async Task redirected_progress_prints_a_plain_line_at_each_further_tenth_of_the_total()
    {
        using var log = new StringWriter();

        var result = await CliProgress.RunAsync(log, "case-read-model", 200, progress =>
        {
            foreach (var done in Reported)
            {
                progress.Set(done);
            }

            return Task.FromResult(progress.Live);
        }, plainShares: true);

        Assert.False(result);
        Assert.Equal(
            ["  case-read-model:   0 % (0 / 200)", "  case-read-model:  10 % (20 / 200)", "  case-read-model:  40 % (99 / 200)",
             "  case-read-model:  50 % (100 / 200)", "  case-read-model: 100 % (200 / 200)"],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\r', log.ToString());
    }

    [Fact]
    public async Task redirected_progress_passes_the_command_lines_through_unchanged()
    {
        using var log = new StringWriter();

        await CliProgress.RunAsync(log, "bench store", 9, async progress =>
        {
            await progress.Log.WriteLineAsync("  sqlite      1 writers x 1 event(s)/txn");
            progress.Advance();
            return 0;
        });

        Assert.Equal("  sqlite      1 writers x 1 event(s)/txn" + Environment.NewLine, log.ToString());
    }
}
