using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Hosting.SharedState;

/// <summary>
/// The accounts table: the one truth every node and the CLI read and change. Sign-in failures are
/// counted here, so the lock-out holds whichever node the next attempt reaches.
/// </summary>
public sealed partial class AccountStore(SharedStateDatabase database, TimeProvider clock)
{
    public const int MaxFailedSignIns = 10;
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    private const string Columns =
        "user_name, display_name, email, role, province, district, language, password_hash, disabled, security_stamp, failed_sign_ins, locked_until_ms, last_sign_in_ms";

    private readonly PasswordHasher<Account> _hasher = new();

    public string HashPassword(string password) => _hasher.HashPassword(null!, password);

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM accounts ORDER BY user_key");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<Account?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM accounts WHERE user_key = @k").With("k", Account.KeyOf(userName));
        return (await ReadAsync(command, cancellationToken)) is [var found] ? found : null;
    }

    /// <summary>Adds the accounts whose user names are free; returns how many were added.</summary>
    public Task<int> AddAsync(IEnumerable<Account> accounts, CancellationToken cancellationToken = default) =>
        AddAsync(accounts, null, cancellationToken);

    /// <summary>
    /// As <see cref="AddAsync(IEnumerable{Account}, CancellationToken)"/>, with <paramref name="alsoForEachAdded"/>
    /// run for every account added (not for a taken name), in the same transaction.
    /// </summary>
    public async Task<int> AddAsync(IEnumerable<Account> accounts, Func<WriteScope, Account, Task>? alsoForEachAdded, CancellationToken cancellationToken = default)
    {
        var added = 0;
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        foreach (var account in accounts)
        {
            await using var command = scope.CreateCommand(
                $"INSERT INTO accounts (user_key, {Columns}, changed_ms) VALUES (@k, @n, @dn, @e, @r, @p, @d, @l, @h, @x, @s, @f, @lu, @ls, @c) ON CONFLICT (user_key) DO NOTHING");
            Bind(command, account).With("c", clock.GetUtcNow().ToUnixTimeMilliseconds());
            var inserted = await command.ExecuteNonQueryAsync(cancellationToken);
            added += inserted;
            if (inserted == 1 && alsoForEachAdded is not null)
            {
                await alsoForEachAdded(scope, account);
            }
        }

        await scope.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// Changes one account; <paramref name="change"/> sees the stored row, so two nodes changing one
    /// account never undo each other's other fields. Returns the account as stored, null when unknown.
    /// </summary>
    public Task<Account?> UpdateAsync(string userName, Func<Account, Account> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(userName, change, null, cancellationToken);

    /// <summary>
    /// As <see cref="UpdateAsync(string, Func{Account, Account}, CancellationToken)"/>, with
    /// <paramref name="alsoInTransaction"/> (the row before, the row after) run before the commit, in
    /// the same transaction: what it writes commits with the change or not at all.
    /// </summary>
    public async Task<Account?> UpdateAsync(string userName, Func<Account, Account> change, Func<WriteScope, Account, Account, Task>? alsoInTransaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        if (database.IsPostgres)
        {
            await using var lockRow = scope.CreateCommand("SELECT 1 FROM accounts WHERE user_key = @k FOR UPDATE").With("k", Account.KeyOf(userName));
            await lockRow.ExecuteNonQueryAsync(cancellationToken);
        }

        Account? stored;
        await using (var read = scope.CreateCommand($"SELECT {Columns} FROM accounts WHERE user_key = @k").With("k", Account.KeyOf(userName)))
        {
            stored = (await ReadAsync(read, cancellationToken)) is [var found] ? found : null;
        }

        if (stored is null)
        {
            return null;
        }

        var changed = change(stored) with { UserName = stored.UserName };
        if (changed.Disabled != stored.Disabled || changed.Role != stored.Role || changed.Province != stored.Province
            || changed.District != stored.District || changed.PasswordHash != stored.PasswordHash)
        {
            changed = changed with { SecurityStamp = Account.NewStamp() };
        }

        await using (var write = scope.CreateCommand(
            """
            UPDATE accounts SET display_name = @dn, email = @e, role = @r, province = @p, district = @d, language = @l,
                password_hash = @h, disabled = @x, security_stamp = @s, failed_sign_ins = @f, locked_until_ms = @lu,
                last_sign_in_ms = @ls, changed_ms = @c
            WHERE user_key = @k
            """))
        {
            Bind(write, changed).With("c", clock.GetUtcNow().ToUnixTimeMilliseconds());
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        if (changed.SecurityStamp != stored.SecurityStamp)
        {
            await using var revoke = scope.CreateCommand("DELETE FROM account_tokens WHERE user_key = @k").With("k", Account.KeyOf(userName));
            await revoke.ExecuteNonQueryAsync(cancellationToken);
        }

        if (alsoInTransaction is not null)
        {
            await alsoInTransaction(scope, stored, changed);
        }

        await scope.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// Checks a password. The hash is checked outside any transaction (it is slow on purpose); only
    /// the counters are written, atomically, so concurrent failures on several nodes all count.
    /// </summary>
    public async Task<SignInOutcome?> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(userName, cancellationToken) is not { } account)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (account.Disabled)
        {
            return new SignInOutcome(SignInStatus.Disabled, account);
        }

        if (account.LockedUntil > now)
        {
            return new SignInOutcome(SignInStatus.Locked, account, account.LockedUntil);
        }

        var key = Account.KeyOf(userName);
        var verdict = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await using (var count = scope.CreateCommand("UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE user_key = @k").With("k", key))
            {
                await count.ExecuteNonQueryAsync(cancellationToken);
            }

            var until = now.Add(LockOut);
            await using var lockOut = scope.CreateCommand("UPDATE accounts SET failed_sign_ins = 0, locked_until_ms = @u WHERE user_key = @k AND failed_sign_ins >= @max")
                .With("k", key).With("u", until.ToUnixTimeMilliseconds()).With("max", MaxFailedSignIns);
            var locked = await lockOut.ExecuteNonQueryAsync(cancellationToken) > 0;
            await scope.CommitAsync(cancellationToken);
            return locked ? new SignInOutcome(SignInStatus.Locked, account, until) : new SignInOutcome(SignInStatus.WrongPassword, account);
        }

        var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(account, password) : account.PasswordHash;
        await using (var success = scope.CreateCommand("UPDATE accounts SET failed_sign_ins = 0, last_sign_in_ms = @t, password_hash = @h WHERE user_key = @k"))
        {
            success.With("k", key).With("t", now.ToUnixTimeMilliseconds()).With("h", hash);
            await success.ExecuteNonQueryAsync(cancellationToken);
        }

        await scope.CommitAsync(cancellationToken);
        return new SignInOutcome(SignInStatus.SignedIn, account with { FailedSignIns = 0, LastSignIn = now });
    }

    public bool VerifyPassword(Account account, string password) =>
        _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;

    private static DbCommand Bind(DbCommand command, Account a) => command
        .With("k", Account.KeyOf(a.UserName)).With("n", a.UserName).With("dn", a.DisplayName).With("e", a.Email)
        .With("r", a.Role).With("p", a.Province).With("d", a.District).With("l", a.Language).With("h", a.PasswordHash)
        .With("x", a.Disabled ? 1 : 0).With("s", a.SecurityStamp).With("f", a.FailedSignIns)
        .With("lu", a.LockedUntil.ToUnixTimeMilliseconds()).With("ls", a.LastSignIn?.ToUnixTimeMilliseconds());

    private static async Task<IReadOnlyList<Account>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var accounts = new List<Account>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(new Account(
                reader.GetString(0),
                reader.GetString(1),
                SharedStateDatabase.Text(reader, 2),
                reader.GetString(3),
                reader.GetString(4),
                SharedStateDatabase.Text(reader, 5),
                reader.GetString(6),
                reader.GetString(7),
                SharedStateDatabase.Long(reader.GetValue(8)) != 0,
                reader.GetString(9),
                (int)SharedStateDatabase.Long(reader.GetValue(10)),
                DateTimeOffset.FromUnixTimeMilliseconds(SharedStateDatabase.Long(reader.GetValue(11))),
                reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(SharedStateDatabase.Long(reader.GetValue(12)))));
        }

        return accounts;
    }
}
