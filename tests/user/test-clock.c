/* test-clock.c — the manual clock fires alarms in order without waiting, and
 * the system clock fires them from the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-clock.h"

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

typedef struct
{
  Oc3Clock *clock;
  GArray   *fired_at;   /* the clock's time when each alarm fired */
  GArray   *fired_tag;  /* which alarm */
} Log;

typedef struct
{
  Log *log;
  int  tag;
} Tagged;

static void
record_cb (gpointer user_data)
{
  Tagged *tagged = user_data;
  gint64 now = oc3_clock_get_now (tagged->log->clock);

  g_array_append_val (tagged->log->fired_at, now);
  g_array_append_val (tagged->log->fired_tag, tagged->tag);
}

static guint
add_tagged (Log    *log,
            gint64  instant,
            int     tag)
{
  Tagged *tagged = g_new0 (Tagged, 1);

  tagged->log = log;
  tagged->tag = tag;

  return oc3_clock_add_alarm (log->clock, instant, record_cb, tagged, g_free);
}

static void
log_init (Log      *log,
          Oc3Clock *clock)
{
  log->clock = clock;
  log->fired_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  log->fired_tag = g_array_new (FALSE, FALSE, sizeof (int));
}

static void
log_clear (Log *log)
{
  g_array_unref (log->fired_at);
  g_array_unref (log->fired_tag);
}

static void
test_manual_advance (void)
{
  g_autoptr (Oc3Clock) clock = oc3_clock_new_manual (1000 * MINUTE);
  Log log;

  log_init (&log, clock);
  g_assert_true (oc3_clock_is_manual (clock));

  /* Added out of order; two at the same instant fire in the order added. */
  add_tagged (&log, 1030 * MINUTE, 3);
  add_tagged (&log, 1010 * MINUTE, 1);
  add_tagged (&log, 1020 * MINUTE, 2);
  add_tagged (&log, 1020 * MINUTE, 22);
  add_tagged (&log, 2000 * MINUTE, 9);

  oc3_clock_advance (clock, 25 * MINUTE);
  g_assert_cmpint (oc3_clock_get_now (clock), ==, 1025 * MINUTE);
  g_assert_cmpuint (log.fired_tag->len, ==, 3);
  g_assert_cmpint (g_array_index (log.fired_tag, int, 0), ==, 1);
  g_assert_cmpint (g_array_index (log.fired_tag, int, 1), ==, 2);
  g_assert_cmpint (g_array_index (log.fired_tag, int, 2), ==, 22);
  /* Each fired with the clock at its own instant. */
  g_assert_cmpint (g_array_index (log.fired_at, gint64, 0), ==, 1010 * MINUTE);
  g_assert_cmpint (g_array_index (log.fired_at, gint64, 1), ==, 1020 * MINUTE);
  g_assert_cmpint (g_array_index (log.fired_at, gint64, 2), ==, 1020 * MINUTE);

  oc3_clock_advance (clock, 5 * MINUTE);
  g_assert_cmpuint (log.fired_tag->len, ==, 4);
  g_assert_cmpint (g_array_index (log.fired_at, gint64, 3), ==, 1030 * MINUTE);

  log_clear (&log);
}

static void
test_manual_jump (void)
{
  g_autoptr (Oc3Clock) clock = oc3_clock_new_manual (0);
  Log log;

  log_init (&log, clock);
  add_tagged (&log, 10 * MINUTE, 1);
  add_tagged (&log, 20 * MINUTE, 2);
  add_tagged (&log, 200 * MINUTE, 3);

  /* A suspend: the wall clock jumps, everything overdue fires at wake-up time. */
  oc3_clock_set_now (clock, 120 * MINUTE);
  g_assert_cmpuint (log.fired_tag->len, ==, 2);
  g_assert_cmpint (g_array_index (log.fired_tag, int, 0), ==, 1);
  g_assert_cmpint (g_array_index (log.fired_tag, int, 1), ==, 2);
  g_assert_cmpint (g_array_index (log.fired_at, gint64, 0), ==, 120 * MINUTE);
  g_assert_cmpint (g_array_index (log.fired_at, gint64, 1), ==, 120 * MINUTE);

  /* Setting the clock back fires nothing. */
  oc3_clock_set_now (clock, 5 * MINUTE);
  g_assert_cmpuint (log.fired_tag->len, ==, 2);

  log_clear (&log);
}

static void
test_manual_remove (void)
{
  g_autoptr (Oc3Clock) clock = oc3_clock_new_manual (0);
  Log log;
  guint id;

  log_init (&log, clock);
  id = add_tagged (&log, 10 * MINUTE, 1);
  add_tagged (&log, 20 * MINUTE, 2);
  g_assert_cmpuint (id, !=, 0);

  oc3_clock_remove_alarm (clock, id);
  oc3_clock_remove_alarm (clock, 12345);
  oc3_clock_advance (clock, 60 * MINUTE);
  g_assert_cmpuint (log.fired_tag->len, ==, 1);
  g_assert_cmpint (g_array_index (log.fired_tag, int, 0), ==, 2);

  log_clear (&log);
}

typedef struct
{
  Log  *log;
  gint64 next;
} Chain;

/* An alarm that adds the next one, as the reminder scheduler does. */
static void
chain_cb (gpointer user_data)
{
  Chain *chain = user_data;
  Tagged tagged = { chain->log, 0 };

  record_cb (&tagged);
  if (chain->log->fired_at->len < 5)
    oc3_clock_add_alarm (chain->log->clock, chain->next, chain_cb, chain, NULL);
  chain->next += 10 * MINUTE;
}

static void
test_manual_chain (void)
{
  g_autoptr (Oc3Clock) clock = oc3_clock_new_manual (0);
  Chain chain;
  Log log;

  log_init (&log, clock);
  chain.log = &log;
  chain.next = 20 * MINUTE;
  oc3_clock_add_alarm (clock, 10 * MINUTE, chain_cb, &chain, NULL);

  oc3_clock_advance (clock, 24 * 60 * MINUTE);
  g_assert_cmpuint (log.fired_at->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_array_index (log.fired_at, gint64, i), ==, (i + 1) * 10 * MINUTE);

  log_clear (&log);
}

static void
quit_cb (gpointer user_data)
{
  gboolean *fired = user_data;

  *fired = TRUE;
}

static void
test_system_clock (void)
{
  g_autoptr (Oc3Clock) clock = oc3_clock_new ();
  gboolean soon = FALSE, past = FALSE, removed = FALSE;
  gint64 now = oc3_clock_get_now (clock);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint id;

  g_assert_false (oc3_clock_is_manual (clock));
  g_assert_cmpint (ABS (now - g_get_real_time ()), <, G_USEC_PER_SEC);

  oc3_clock_add_alarm (clock, now + 50 * 1000, quit_cb, &soon, NULL);
  oc3_clock_add_alarm (clock, now - MINUTE, quit_cb, &past, NULL);
  id = oc3_clock_add_alarm (clock, now + 20 * 1000, quit_cb, &removed, NULL);
  oc3_clock_remove_alarm (clock, id);

  while (!soon && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (soon);
  g_assert_true (past);
  g_assert_false (removed);
  /* Not early. */
  g_assert_cmpint (g_get_real_time (), >=, now + 50 * 1000);
}

static void
test_instants (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) summer = NULL;
  g_autoptr (GDateTime) back = NULL;
  g_autofree char *text = NULL;
  gint64 instant;

  g_assert_nonnull (berlin);
  summer = g_date_time_new_from_iso8601 ("2024-03-31T03:30:00.25+02:00", NULL);
  instant = oc3_clock_instant_from_date_time (summer);
  g_assert_cmpint (instant, ==, G_GINT64_CONSTANT (1711848600) * G_USEC_PER_SEC + 250000);

  back = oc3_clock_instant_to_date_time (instant, berlin);
  text = g_date_time_format_iso8601 (back);
  g_assert_cmpstr (text, ==, "2024-03-31T03:30:00.250000+02");
  g_assert_cmpint (oc3_clock_instant_from_date_time (back), ==, instant);

  /* Before 1970, division must floor. */
  {
    g_autoptr (GDateTime) old = oc3_clock_instant_to_date_time (-1, NULL);

    g_assert_cmpint (g_date_time_get_year (old), ==, 1969);
    g_assert_cmpint (g_date_time_get_microsecond (old), ==, 999999);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/manual/advance", test_manual_advance);
  g_test_add_func ("/clock/manual/jump", test_manual_jump);
  g_test_add_func ("/clock/manual/remove", test_manual_remove);
  g_test_add_func ("/clock/manual/chain", test_manual_chain);
  g_test_add_func ("/clock/system", test_system_clock);
  g_test_add_func ("/clock/instants", test_instants);

  return g_test_run ();
}
