/* oc3-agenda.c — the user's own program for one conference: starred talks,
 * their conflicts, their reminders and their calendar export.
 *
 * The stars themselves live in the Oc3UserStore (keyed by talk GUID, so they
 * survive refreshes); this object joins them with the program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-agenda.h"
#include "oc3-ical-writer.h"
#include "oc3-talk-format.h"
#include "oc3-time.h"

struct _Oc3Agenda
{
  GObject parent_instance;

  Oc3Conference        *conference;
  Oc3UserStore         *store;
  Oc3ReminderScheduler *scheduler;
  GListStore           *starred;   /* Oc3Talk, by start then room */
  gboolean              star_enables_reminder;
};

G_DEFINE_FINAL_TYPE (Oc3Agenda, oc3_agenda, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
instant_of (GDateTime *date_time)
{
  return oc3_clock_instant_from_date_time (date_time);
}

static int
compare_talks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Oc3Talk *ta = (Oc3Talk *) a;
  Oc3Talk *tb = (Oc3Talk *) b;
  int order = g_date_time_compare (oc3_talk_get_start (ta), oc3_talk_get_start (tb));

  if (order != 0)
    return order;
  return g_strcmp0 (oc3_talk_get_room_name (ta), oc3_talk_get_room_name (tb));
}

static void
rebuild_starred (Oc3Agenda *self)
{
  g_auto (GStrv) guids = oc3_user_store_get_starred_guids (self->store);
  g_autoptr (GPtrArray) talks = g_ptr_array_new ();

  for (guint i = 0; guids != NULL && guids[i] != NULL; i++)
    {
      Oc3Talk *talk = self->conference != NULL ? oc3_conference_lookup_talk (self->conference, guids[i]) : NULL;

      if (talk != NULL)
        g_ptr_array_add (talks, talk);
    }
  g_ptr_array_sort_values_with_data (talks, compare_talks, NULL);
  g_list_store_splice (self->starred, 0, g_list_model_get_n_items (G_LIST_MODEL (self->starred)),
                       talks->pdata, talks->len);
}

/* Hands the scheduler the starred talks as they are now. Starred talks that
 * left the program are not planned: the scheduler knows them from the store
 * and says once that they were cancelled. */
void
oc3_agenda_replan (Oc3Agenda *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->starred));
  g_autofree Oc3ReminderPlan *plans = g_new0 (Oc3ReminderPlan, MAX (n, 1));
  g_autoptr (GPtrArray) keep_alive = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (OC3_IS_AGENDA (self));

  if (self->conference == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      Oc3Talk *talk = g_list_model_get_item (G_LIST_MODEL (self->starred), i);
      const char *guid = oc3_talk_get_guid (talk);

      g_ptr_array_add (keep_alive, talk);
      plans[i].guid = guid;
      plans[i].title = oc3_talk_get_title (talk);
      plans[i].room = oc3_talk_get_room_name (talk);
      plans[i].start = instant_of (oc3_talk_get_start (talk));
      plans[i].end = instant_of (oc3_talk_get_end (talk));
      plans[i].lead_minutes = oc3_user_store_get_lead_minutes (self->store, guid);
      plans[i].enabled = oc3_user_store_get_reminder_enabled (self->store, guid);
    }

  oc3_reminder_scheduler_set_talks (self->scheduler, plans, n);
}

static void
store_changed_cb (Oc3Agenda  *self,
                  const char *guid)
{
  rebuild_starred (self);
  oc3_agenda_replan (self);
  g_signal_emit (self, signals[CHANGED], 0, guid);
}

Oc3Agenda *
oc3_agenda_new (Oc3Conference *conference,
                Oc3UserStore  *store,
                Oc3Clock      *clock)
{
  Oc3Agenda *self;

  g_return_val_if_fail (conference == NULL || OC3_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (OC3_IS_USER_STORE (store), NULL);
  g_return_val_if_fail (OC3_IS_CLOCK (clock), NULL);

  self = g_object_new (OC3_TYPE_AGENDA, NULL);
  self->store = g_object_ref (store);
  self->scheduler = oc3_reminder_scheduler_new (clock, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  oc3_agenda_set_conference (self, conference);

  return self;
}

Oc3Conference *
oc3_agenda_get_conference (Oc3Agenda *self)
{
  g_return_val_if_fail (OC3_IS_AGENDA (self), NULL);

  return self->conference;
}

/* A refreshed program: the stars stay (they are keyed by GUID); reminders
 * follow talks that moved, and cancelled ones are reported by the scheduler. */
void
oc3_agenda_set_conference (Oc3Agenda     *self,
                           Oc3Conference *conference)
{
  g_return_if_fail (OC3_IS_AGENDA (self));

  g_set_object (&self->conference, conference);
  if (conference != NULL)
    oc3_reminder_scheduler_set_display_zone (self->scheduler, oc3_conference_get_time_zone (conference));
  rebuild_starred (self);
  oc3_agenda_replan (self);
  g_signal_emit (self, signals[CHANGED], 0, NULL);
}

Oc3UserStore *
oc3_agenda_get_store (Oc3Agenda *self)
{
  g_return_val_if_fail (OC3_IS_AGENDA (self), NULL);

  return self->store;
}

Oc3ReminderScheduler *
oc3_agenda_get_scheduler (Oc3Agenda *self)
{
  g_return_val_if_fail (OC3_IS_AGENDA (self), NULL);

  return self->scheduler;
}

gboolean
oc3_agenda_is_starred (Oc3Agenda  *self,
                       const char *guid)
{
  g_return_val_if_fail (OC3_IS_AGENDA (self), FALSE);

  return oc3_user_store_is_starred (self->store, guid);
}

gboolean
oc3_agenda_get_star_enables_reminder (Oc3Agenda *self)
{
  g_return_val_if_fail (OC3_IS_AGENDA (self), FALSE);

  return self->star_enables_reminder;
}

void
oc3_agenda_set_star_enables_reminder (Oc3Agenda *self,
                                      gboolean   enables)
{
  g_return_if_fail (OC3_IS_AGENDA (self));

  self->star_enables_reminder = !!enables;
}

void
oc3_agenda_set_starred (Oc3Agenda  *self,
                        const char *guid,
                        gboolean    starred)
{
  Oc3Talk *talk;

  g_return_if_fail (OC3_IS_AGENDA (self));
  g_return_if_fail (guid != NULL);

  /* Remembered, so that a talk that later leaves the program can still be named. */
  talk = self->conference != NULL ? oc3_conference_lookup_talk (self->conference, guid) : NULL;
  if (starred && talk != NULL)
    oc3_user_store_remember_talk (self->store, guid, oc3_talk_get_title (talk),
                                  instant_of (oc3_talk_get_start (talk)),
                                  instant_of (oc3_talk_get_end (talk)),
                                  oc3_talk_get_room_name (talk));
  if (starred)
    oc3_user_store_set_reminder_enabled (self->store, guid, self->star_enables_reminder);

  /* The store's "changed" signal rebuilds the list and the reminders. */
  oc3_user_store_set_starred (self->store, guid, starred);
}

GListModel *
oc3_agenda_get_starred (Oc3Agenda *self)
{
  g_return_val_if_fail (OC3_IS_AGENDA (self), NULL);

  return G_LIST_MODEL (self->starred);
}

/* Starred talks that are no longer in the program: they stay starred, and
 * the UI shows them as "no longer in the program". */
GStrv
oc3_agenda_dup_missing_guids (Oc3Agenda *self)
{
  g_auto (GStrv) guids = NULL;
  g_autoptr (GStrvBuilder) missing = g_strv_builder_new ();

  g_return_val_if_fail (OC3_IS_AGENDA (self), NULL);

  guids = oc3_user_store_get_starred_guids (self->store);
  for (guint i = 0; guids != NULL && guids[i] != NULL; i++)
    if (self->conference == NULL || oc3_conference_lookup_talk (self->conference, guids[i]) == NULL)
      g_strv_builder_add (missing, guids[i]);

  return g_strv_builder_end (missing);
}

/* The other starred talks that overlap @talk in time (touching is not overlapping). */
GPtrArray *
oc3_agenda_get_conflicts (Oc3Agenda *self,
                          Oc3Talk   *talk)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (OC3_IS_AGENDA (self), conflicts);
  g_return_val_if_fail (OC3_IS_TALK (talk), conflicts);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->starred));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (Oc3Talk) other = g_list_model_get_item (G_LIST_MODEL (self->starred), i);

      if (other == talk || g_strcmp0 (oc3_talk_get_guid (other), oc3_talk_get_guid (talk)) == 0)
        continue;
      if (g_date_time_compare (oc3_talk_get_start (other), oc3_talk_get_end (talk)) < 0 &&
          g_date_time_compare (oc3_talk_get_start (talk), oc3_talk_get_end (other)) < 0)
        g_ptr_array_add (conflicts, g_steal_pointer (&other));
    }

  return conflicts;
}

static char *
describe_for_calendar (Oc3Talk *talk)
{
  g_autofree char *speakers = oc3_talk_format_speakers (talk);
  g_autoptr (GString) text = g_string_new (NULL);
  const char *abstract = oc3_talk_get_abstract (talk);
  const char *url = oc3_talk_get_url (talk);

  if (*speakers != '\0')
    /* Translators: the first line of a talk's description in a calendar export. */
    g_string_append_printf (text, _("Speakers: %s"), speakers);
  if (abstract != NULL && *abstract != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", abstract);
  if (url != NULL && *url != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", url);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* An iCalendar file (RFC 5545) of the starred talks, or of @only_talk. */
char *
oc3_agenda_export_ical (Oc3Agenda *self,
                        Oc3Talk   *only_talk,
                        gsize     *length)
{
  g_autoptr (GPtrArray) talks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) descriptions = g_ptr_array_new_with_free_func (g_free);
  g_autofree Oc3IcalEvent *events = NULL;
  g_autoptr (GDateTime) stamp = NULL;

  g_return_val_if_fail (OC3_IS_AGENDA (self), NULL);

  if (only_talk != NULL)
    g_ptr_array_add (talks, g_object_ref (only_talk));
  else
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->starred)); i++)
      g_ptr_array_add (talks, g_list_model_get_item (G_LIST_MODEL (self->starred), i));

  events = g_new0 (Oc3IcalEvent, MAX (talks->len, 1));
  for (guint i = 0; i < talks->len; i++)
    {
      Oc3Talk *talk = g_ptr_array_index (talks, i);
      char *description = describe_for_calendar (talk);

      g_ptr_array_add (descriptions, description);
      events[i].uid = oc3_talk_get_guid (talk);
      events[i].summary = oc3_talk_get_title (talk);
      events[i].location = oc3_talk_get_room_name (talk);
      events[i].description = description;
      events[i].url = oc3_talk_get_url (talk);
      events[i].start = oc3_talk_get_start (talk);
      events[i].end = oc3_talk_get_end (talk);
    }

  stamp = oc3_clock_instant_to_date_time (oc3_time_now_usec (), NULL);
  return oc3_ical_writer_write (events, talks->len, stamp, length);
}

static void
oc3_agenda_dispose (GObject *object)
{
  Oc3Agenda *self = OC3_AGENDA (object);

  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);
  g_clear_object (&self->conference);
  g_clear_object (&self->starred);

  G_OBJECT_CLASS (oc3_agenda_parent_class)->dispose (object);
}

static void
oc3_agenda_class_init (Oc3AgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = oc3_agenda_dispose;

  /**
   * Oc3Agenda::changed:
   * @guid: (nullable): the talk whose star or reminder changed, or %NULL for all
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
oc3_agenda_init (Oc3Agenda *self)
{
  self->starred = g_list_store_new (OC3_TYPE_TALK);
  self->star_enables_reminder = TRUE;
}
