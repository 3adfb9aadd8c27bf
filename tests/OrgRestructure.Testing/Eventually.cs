namespace OrgRestructure.Testing;

/// <summary>Waits for an asynchronous outcome; the limit only stops a broken test from hanging, it asserts nothing about speed.</summary>
public static class Eventually
{
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null) =>
        UntilAsync(condition, () => what, limit);

    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for: {what()}");
            }

            await Task.Delay(100);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, limit);
}
