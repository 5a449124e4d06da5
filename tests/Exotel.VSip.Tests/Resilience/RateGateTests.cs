using VapiExotel.Shared.Http;

namespace Exotel.VSip.Tests.Resilience;

/// <summary>
/// The client-side rate limiter on its own (<see cref="RateGate.Create"/>, a private gate) on a manual clock: at most
/// PermitLimit requests per window, counted from each answer; at most ConcurrencyLimit in flight; a cancelled waiter
/// leaves nothing behind; a lease is released once however often it is disposed.
/// </summary>
public class RateGateTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static Task<RateGate.Lease> Enter(RateGate gate, CancellationToken cancellationToken = default) => gate.EnterAsync(cancellationToken).AsTask();

    [Test]
    public async Task The_request_over_the_permit_limit_waits_until_one_window_after_the_first_answer()
    {
        var clock = new ManualTimeProvider();
        var gate = RateGate.Create(permitLimit: 3, Window, concurrencyLimit: 10, clock);
        var first = await Enter(gate);
        var second = await Enter(gate);
        var third = await Enter(gate);
        clock.Advance(TimeSpan.FromSeconds(2));
        first.Dispose();                                  // answered at 2 s: counts until 62 s
        clock.Advance(TimeSpan.FromSeconds(3));
        second.Dispose();                                 // answered at 5 s: counts until 65 s
        third.Dispose();

        var fourth = Enter(gate);
        var waitedAtOnce = !fourth.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(55));          // 60 s: a window after the first was sent, not after it was answered
        var waitedAtSixty = !fourth.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
        var waitedJustBefore = !fourth.IsCompleted;
        clock.Advance(TimeSpan.FromTicks(1));             // 62 s
        using var fourthLease = await fourth.WaitAsync(Patience);
        var fifth = Enter(gate);                          // the second and third still count until 65 s, the fourth is in flight
        var fifthWaits = !fifth.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(3));
        using var fifthLease = await fifth.WaitAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(waitedAtOnce, Is.True);
            Assert.That(waitedAtSixty, Is.True);
            Assert.That(waitedJustBefore, Is.True);
            Assert.That(fifthWaits, Is.True);
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(65)));
        });
    }

    [Test]
    public async Task A_full_window_of_requests_still_in_flight_makes_the_next_wait_for_an_answer()
    {
        var clock = new ManualTimeProvider();
        var gate = RateGate.Create(permitLimit: 2, Window, concurrencyLimit: 10, clock);
        var first = await Enter(gate);
        using var second = await Enter(gate);

        var third = Enter(gate);
        clock.Advance(Window * 2);                        // time alone frees nothing while both are unanswered
        var waitedForAnAnswer = !third.IsCompleted;
        first.Dispose();                                  // answered now: counts for one more window
        await clock.WaitForTimerAsync(Window);            // the woken waiter now waits for that window to end
        clock.Advance(Window - TimeSpan.FromTicks(1));
        var waitedJustBefore = !third.IsCompleted;
        clock.Advance(TimeSpan.FromTicks(1));
        using var thirdLease = await third.WaitAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(waitedForAnAnswer, Is.True);
            Assert.That(waitedJustBefore, Is.True);
        });
    }

    [Test]
    public async Task At_most_the_concurrency_limit_are_in_flight_and_an_answer_lets_the_next_in()
    {
        var clock = new ManualTimeProvider();
        var gate = RateGate.Create(permitLimit: 100, Window, concurrencyLimit: 2, clock);
        var first = await Enter(gate);
        var second = await Enter(gate);

        var third = Enter(gate);
        var thirdWaited = !third.IsCompleted;
        first.Dispose();
        using var thirdLease = await third.WaitAsync(Patience);
        var fourth = Enter(gate);                         // the second and third are in flight
        var fourthWaited = !fourth.IsCompleted;
        second.Dispose();
        using var fourthLease = await fourth.WaitAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(thirdWaited, Is.True);
            Assert.That(fourthWaited, Is.True);
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.Zero), "answers, not time, freed the slots");
        });
    }

    [Test]
    public async Task A_waiter_cancelled_while_waiting_throws_and_consumes_no_slot()
    {
        var clock = new ManualTimeProvider();
        var gate = RateGate.Create(permitLimit: 1, Window, concurrencyLimit: 1, clock);
        (await Enter(gate)).Dispose();                    // the one permit counts until 60 s
        using var cancel = new CancellationTokenSource();

        var waiter = Enter(gate, cancel.Token);
        var waited = !waiter.IsCompleted;
        await cancel.CancelAsync();
        Assert.That(async () => await waiter.WaitAsync(Patience), Throws.InstanceOf<OperationCanceledException>());
        clock.Advance(Window);
        var next = Enter(gate);

        Assert.Multiple(() =>
        {
            Assert.That(waited, Is.True);
            // Had the cancelled waiter kept the only concurrency slot or counted as sent, this would wait.
            Assert.That(next.IsCompletedSuccessfully, Is.True, "the next request gets the permit and the concurrency slot at once");
        });
        (await next).Dispose();
    }

    [Test]
    public async Task A_waiter_cancelled_while_waiting_for_the_concurrency_limit_throws_and_consumes_no_slot()
    {
        var clock = new ManualTimeProvider();
        var gate = RateGate.Create(permitLimit: 100, Window, concurrencyLimit: 1, clock);
        var holder = await Enter(gate);
        using var cancel = new CancellationTokenSource();

        var waiter = Enter(gate, cancel.Token);
        await cancel.CancelAsync();
        Assert.That(async () => await waiter.WaitAsync(Patience), Throws.InstanceOf<OperationCanceledException>());
        holder.Dispose();
        var next = Enter(gate);
        var nextAtOnce = next.IsCompletedSuccessfully;
        var afterNext = Enter(gate);

        Assert.Multiple(() =>
        {
            Assert.That(nextAtOnce, Is.True);
            Assert.That(afterNext.IsCompleted, Is.False, "still one in flight at most");
        });
        (await next).Dispose();
        (await afterNext.WaitAsync(Patience)).Dispose();
    }

    [Test]
    public async Task Disposing_a_lease_twice_releases_its_slot_once_and_counts_it_once()
    {
        var clock = new ManualTimeProvider();

        // In flight: a second release would let a third request in beside the two that hold the slots.
        var concurrency = RateGate.Create(permitLimit: 100, Window, concurrencyLimit: 2, clock);
        var a = await Enter(concurrency);
        using var b = await Enter(concurrency);
        a.Dispose();
        a.Dispose();
        using var c = await Enter(concurrency).WaitAsync(Patience);
        var d = Enter(concurrency);
        var dWaited = !d.IsCompleted;

        // In the window: a second exit would count the request twice and keep the next one out.
        var permits = RateGate.Create(permitLimit: 2, Window, concurrencyLimit: 10, clock);
        var e = await Enter(permits);
        e.Dispose();
        e.Dispose();
        var f = Enter(permits);

        Assert.Multiple(() =>
        {
            Assert.That(dWaited, Is.True);
            Assert.That(f.IsCompletedSuccessfully, Is.True, "one answered request and this one make two, within the limit");
        });
        b.Dispose();
        (await d.WaitAsync(Patience)).Dispose();
        (await f).Dispose();
    }

    [Test]
    public async Task A_window_that_ends_between_two_readings_of_the_clock_lets_the_waiter_in()
    {
        // Real clocks move between two readings. Here the clock moves 10 ms at every reading once the window is one
        // tick from its end: the gate must not compute a negative wait (Task.Delay throws for one of 2 ms or more,
        // and waits forever for one of exactly -1 ms).
        var clock = new SteppingTimeProvider();
        var gate = RateGate.Create(permitLimit: 1, TimeSpan.FromSeconds(1), concurrencyLimit: 1, clock);
        (await Enter(gate)).Dispose();                    // answered at 0: counts until 1 s
        clock.Now = TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1);
        clock.Step = TimeSpan.FromMilliseconds(10);

        using var lease = await Enter(gate).WaitAsync(Patience);

        Assert.That(clock.Now, Is.GreaterThan(TimeSpan.FromSeconds(1)));
    }

    /// <summary>A clock that moves <see cref="Step"/> forward after every reading.</summary>
    private sealed class SteppingTimeProvider : TimeProvider
    {
        private readonly object _gate = new();
        private TimeSpan _now;
        private TimeSpan _step;

        public TimeSpan Now
        {
            get
            {
                lock (_gate)
                {
                    return _now;
                }
            }

            set
            {
                lock (_gate)
                {
                    _now = value;
                }
            }
        }

        public TimeSpan Step
        {
            get
            {
                lock (_gate)
                {
                    return _step;
                }
            }

            set
            {
                lock (_gate)
                {
                    _step = value;
                }
            }
        }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            lock (_gate)
            {
                var reading = _now.Ticks;
                _now += _step;
                return reading;
            }
        }
    }

    [Test]
    public async Task A_lease_released_unsent_frees_its_slot_without_counting_in_the_window()
    {
        var clock = new ManualTimeProvider();
        var gate = RateGate.Create(permitLimit: 1, Window, concurrencyLimit: 1, clock);
        (await Enter(gate)).ReleaseUnsent();             // refused by the breaker or before connecting: nothing reached the service

        var next = Enter(gate);
        var admittedAtOnce = next.IsCompleted;
        (await next.WaitAsync(Patience)).Dispose();      // this one was sent: the window is now full for a minute
        var after = Enter(gate);

        Assert.Multiple(() =>
        {
            Assert.That(admittedAtOnce, Is.True, "an unsent request does not use up the window");
            Assert.That(after.IsCompleted, Is.False, "a sent one does");
        });
    }

    [Test]
    public void Clients_of_one_account_share_a_gate_whatever_their_limits_and_a_clock_of_its_own_gets_its_own()
    {
        var scope = "test|" + Guid.NewGuid().ToString("N");
        var clock = new ManualTimeProvider();

        var first = RateGate.For(scope, 5, Window, 2, clock);
        var sameAccount = RateGate.For(scope, 50, Window, 20, clock);
        var otherAccount = RateGate.For(scope + "-other", 5, Window, 2, clock);
        var otherClock = RateGate.For(scope, 5, Window, 2, new ManualTimeProvider());

        Assert.Multiple(() =>
        {
            Assert.That(sameAccount, Is.SameAs(first));
            Assert.That(sameAccount.Limits, Is.EqualTo((5, Window, 2)), "the first client's limits apply");
            Assert.That(otherAccount, Is.Not.SameAs(first));
            Assert.That(otherClock, Is.Not.SameAs(first));
        });
    }
}
