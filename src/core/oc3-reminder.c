/* oc3-reminder.c — one notification the reminder scheduler asks the app to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-reminder.h"

struct _Oc3Reminder
{
  GObject          parent_instance;

  char            *guid;
  Oc3ReminderKind  kind;
  char            *title;
  char            *body;
  char            *notification_id;
  gint64           due;
  gint64           talk_start;
  gint64           talk_end;
};

G_DEFINE_FINAL_TYPE (Oc3Reminder, oc3_reminder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GUID,
  PROP_KIND,
  PROP_TITLE,
  PROP_BODY,
  PROP_NOTIFICATION_ID,
  PROP_DUE,
  PROP_TALK_START,
  PROP_TALK_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
oc3_reminder_kind_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { OC3_REMINDER_UPCOMING, "OC3_REMINDER_UPCOMING", "upcoming" },
    { OC3_REMINDER_STARTED, "OC3_REMINDER_STARTED", "started" },
    { OC3_REMINDER_MOVED, "OC3_REMINDER_MOVED", "moved" },
    { OC3_REMINDER_CANCELLED, "OC3_REMINDER_CANCELLED", "cancelled" },
    { OC3_REMINDER_SNOOZED, "OC3_REMINDER_SNOOZED", "snoozed" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("Oc3ReminderKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static void
oc3_reminder_constructed (GObject *object)
{
  Oc3Reminder *self = OC3_REMINDER (object);

  G_OBJECT_CLASS (oc3_reminder_parent_class)->constructed (object);

  /* One id per talk: a newer notification about the talk replaces the older
   * one instead of piling up beside it. */
  self->notification_id = g_strconcat ("talk-", self->guid, NULL);
}

static void
oc3_reminder_finalize (GObject *object)
{
  Oc3Reminder *self = OC3_REMINDER (object);

  g_clear_pointer (&self->guid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->notification_id, g_free);

  G_OBJECT_CLASS (oc3_reminder_parent_class)->finalize (object);
}

static void
oc3_reminder_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  Oc3Reminder *self = OC3_REMINDER (object);

  switch (prop_id)
    {
    case PROP_GUID:
      g_value_set_string (value, self->guid);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_NOTIFICATION_ID:
      g_value_set_string (value, self->notification_id);
      break;

    case PROP_DUE:
      g_value_set_int64 (value, self->due);
      break;

    case PROP_TALK_START:
      g_value_set_int64 (value, self->talk_start);
      break;

    case PROP_TALK_END:
      g_value_set_int64 (value, self->talk_end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_reminder_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  Oc3Reminder *self = OC3_REMINDER (object);

  switch (prop_id)
    {
    case PROP_GUID:
      self->guid = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;

    case PROP_DUE:
      self->due = g_value_get_int64 (value);
      break;

    case PROP_TALK_START:
      self->talk_start = g_value_get_int64 (value);
      break;

    case PROP_TALK_END:
      self->talk_end = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_reminder_class_init (Oc3ReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = oc3_reminder_constructed;
  object_class->finalize = oc3_reminder_finalize;
  object_class->get_property = oc3_reminder_get_property;
  object_class->set_property = oc3_reminder_set_property;

  properties[PROP_GUID] = g_param_spec_string ("guid", NULL, NULL, "", construct);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, OC3_TYPE_REMINDER_KIND,
                                             OC3_REMINDER_UPCOMING, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", construct);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", construct);
  properties[PROP_NOTIFICATION_ID] =
    g_param_spec_string ("notification-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Instants: microseconds since the Unix epoch, UTC. */
  properties[PROP_DUE] = g_param_spec_int64 ("due", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                             construct);
  properties[PROP_TALK_START] = g_param_spec_int64 ("talk-start", NULL, NULL,
                                                    G_MININT64, G_MAXINT64, 0, construct);
  properties[PROP_TALK_END] = g_param_spec_int64 ("talk-end", NULL, NULL,
                                                  G_MININT64, G_MAXINT64, 0, construct);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_reminder_init (Oc3Reminder *self)
{
}

Oc3Reminder *
oc3_reminder_new (const char      *guid,
                  Oc3ReminderKind  kind,
                  const char      *title,
                  const char      *body,
                  gint64           due,
                  gint64           talk_start,
                  gint64           talk_end)
{
  g_return_val_if_fail (guid != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  return g_object_new (OC3_TYPE_REMINDER,
                       "guid", guid,
                       "kind", kind,
                       "title", title,
                       "body", body,
                       "due", due,
                       "talk-start", talk_start,
                       "talk-end", talk_end,
                       NULL);
}

const char *
oc3_reminder_get_guid (Oc3Reminder *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER (self), NULL);

  return self->guid;
}

Oc3ReminderKind
oc3_reminder_get_kind (Oc3Reminder *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER (self), OC3_REMINDER_UPCOMING);

  return self->kind;
}

/* The notification's title, e.g. "In 10 min: Attestation for everyone". */
const char *
oc3_reminder_get_title (Oc3Reminder *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER (self), NULL);

  return self->title;
}

/* The notification's body, e.g. "Room A · 10:00–10:30". */
const char *
oc3_reminder_get_body (Oc3Reminder *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER (self), NULL);

  return self->body;
}

/* The id for g_application_send_notification (): "talk-<guid>". */
const char *
oc3_reminder_get_notification_id (Oc3Reminder *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER (self), NULL);

  return self->notification_id;
}

/* The instant the reminder was due at (for moves and cancellations: when the
 * change was noticed). */
gint64
oc3_reminder_get_due (Oc3Reminder *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER (self), 0);

  return self->due;
}

gint64
oc3_reminder_get_talk_start (Oc3Reminder *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER (self), 0);

  return self->talk_start;
}

gint64
oc3_reminder_get_talk_end (Oc3Reminder *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER (self), 0);

  return self->talk_end;
}
