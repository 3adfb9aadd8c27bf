using System.Data.Common;
using OrgRestructure.Cli.Commands.Migrate;
using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Cli.Commands.Users;

/// <summary>The accounts table of the configured store, as the users commands reach it.</summary>
internal static class UsersSupport
{
    /// <summary>Runs <paramref name="body"/> on the store's accounts; a database failure is exit code 1.</summary>
    public static Task<int> RunAsync(CliContext context, bool createStore, Func<AccountStore, Task<int>> body) =>
        RunAsync(context, createStore, migrate: false, (accounts, _) => body(accounts));

    /// <summary>
    /// As above, with the accounts stream to record the change in (who: <see cref="Operator"/>); the
    /// store is migrated first, since an operator may add accounts before any server has started on it.
    /// </summary>
    public static Task<int> RunAsync(CliContext context, bool createStore, Func<AccountStore, AccountHistory, Task<int>> body) =>
        RunAsync(context, createStore, migrate: true, body);

    private static async Task<int> RunAsync(CliContext context, bool createStore, bool migrate, Func<AccountStore, AccountHistory, Task<int>> body)
    {
        var store = createStore ? StoreCommandSupport.Open(context) : await StoreCommandSupport.OpenExistingAsync(context);
        if (store is null)
        {
            return 1;
        }

        try
        {
            if (migrate)
            {
                await store.MigrateAsync();
            }

            using var database = new SharedStateDatabase(store);
            return await body(new AccountStore(database, TimeProvider.System), new AccountHistory(store));
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

    /// <summary>Who the accounts stream names for a change made here: the operator's login on this machine.</summary>
    public static string Operator => AccountHistory.OperatorPrefix + Environment.UserName;

    /// <summary>Why an input is refused, in both languages (System.CommandLine prints it and exits 2).</summary>
    public static string Bilingual(string vi, string en) => $"{en} / {vi}";
}
