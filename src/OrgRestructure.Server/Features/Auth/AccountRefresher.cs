using Microsoft.AspNetCore.DataProtection;
using OrgRestructure.Hosting.Composition;
using OrgRestructure.Hosting.Configuration;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// Seeds the demo accounts when <see cref="DemoUsers.SeedKey"/> says so (by default only in the
/// embedded default) and reads the first snapshot before the node serves. Then renews this node's account snapshot every <see cref="IntervalKey"/> seconds (2 by default): how
/// long a change made on another node — an account disabled, a role changed — may take to reach this one.
/// </summary>
public sealed class AccountRefresher(UserDirectory users, IDataProtectionProvider protection, DemoData demo, OrgRestructureSettings settings, IConfiguration configuration, ILogger<AccountRefresher> logger) : BackgroundService
{
    public const string IntervalKey = "Accounts:RefreshSeconds";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue<bool?>(DemoUsers.SeedKey) ?? !settings.UsesPostgres)
        {
            var survey = demo.LoadSurvey();
            await DemoUsers.SeedAsync(users, survey?.Province ?? "Quảng Nam", survey?.Districts.Select(d => d.Name) ?? ["Duy Xuyên", "Phước Sơn", "Thăng Bình"], configuration[DemoUsers.EmailDomainKey], cancellationToken);
        }
        else
        {
            await users.RefreshAsync(cancellationToken);
        }

        // The key ring is read (or its first key made and stored) now rather than at the first
        // request, so nodes started one after another share one key from their first cookie on.
        protection.CreateProtector(nameof(AccountRefresher)).Protect([1]);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue<double?>(IntervalKey) ?? 2;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(seconds, 0.2, 60)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await users.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away for a moment: keep serving from the last snapshot.
                logger.LogWarning(ex, "Accounts could not be re-read; the previous snapshot stays in use");
            }
        }
    }
}
