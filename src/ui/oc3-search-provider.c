/* oc3-search-provider.c — talks in GNOME Shell's search (org.gnome.Shell.SearchProvider2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-search-provider.h"
#include "oc3-talk-format.h"
#include "oc3-time.h"

/*
 * GNOME Shell finds the provider through
 * data/com.example.OC3.search-provider.ini, starts OC3 by D-Bus activation if
 * need be, and calls it at /com/example/OC3/SearchProvider on every
 * keystroke. Result ids are talk guids. The provider answers from the same
 * Oc3SearchIndex as the search view; it leaves opening a talk or a search to
 * the application, through the activate-talk and launch-search signals.
 */

/* The Shell shows a handful; more ids would only cost D-Bus traffic. */
#define MAX_RESULTS 50

struct _Oc3SearchProvider
{
  GObject          parent_instance;

  GApplication    *application; /* weak: the application owns the provider */
  Oc3SearchIndex  *index;
  GTimeZone       *zone;

  GDBusConnection *connection;
  guint            registration_id;
};

G_DEFINE_FINAL_TYPE (Oc3SearchProvider, oc3_search_provider, G_TYPE_OBJECT)

enum {
  ACTIVATE_TALK,
  LAUNCH_SEARCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GDBusInterfaceInfo *
get_interface_info (void)
{
  static GDBusNodeInfo *node_info = NULL;

  if (g_once_init_enter (&node_info))
    {
      g_autoptr (GError) error = NULL;
      GDBusNodeInfo *info = g_dbus_node_info_new_for_xml (introspection_xml, &error);

      /* The XML above is fixed: an error here is a programming error. */
      g_assert_no_error (error);
      g_once_init_leave (&node_info, info);
    }

  return node_info->interfaces[0];
}

/**
 * oc3_search_provider_new:
 * @application: (nullable): the application, held while a call is answered
 *   so that a D-Bus-activated instance does not exit in between
 *
 * Returns: (transfer full): a new provider, with no conference yet
 */
Oc3SearchProvider *
oc3_search_provider_new (GApplication *application)
{
  Oc3SearchProvider *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);

  self = g_object_new (OC3_TYPE_SEARCH_PROVIDER, NULL);
  if (application != NULL)
    g_set_weak_pointer (&self->application, application);

  return self;
}

/**
 * oc3_search_provider_set_index:
 * @self: a #Oc3SearchProvider
 * @index: (nullable): the index of the conference to search
 * @zone: (nullable): the zone to show times in; %NULL for the conference's
 *
 * Until this is called with an index, every search finds nothing.
 */
void
oc3_search_provider_set_index (Oc3SearchProvider *self,
                               Oc3SearchIndex    *index,
                               GTimeZone         *zone)
{
  g_return_if_fail (OC3_IS_SEARCH_PROVIDER (self));
  g_return_if_fail (index == NULL || OC3_IS_SEARCH_INDEX (index));

  g_set_object (&self->index, index);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  if (zone == NULL && index != NULL)
    zone = oc3_conference_get_time_zone (oc3_search_index_get_conference (index));
  if (zone != NULL)
    self->zone = g_time_zone_ref (zone);
}

/* "Wed 10:00–10:45 · Saal 1" */
static char *
describe_talk (Oc3Talk   *talk,
               GTimeZone *zone)
{
  GDateTime *start = oc3_talk_get_start (talk);
  g_autoptr (GDateTime) local_start = g_date_time_to_timezone (start, zone);
  g_autofree char *weekday = g_date_time_format (local_start, "%a");
  g_autofree char *range = oc3_time_format_range (start, oc3_talk_get_end (talk), zone);
  const char *room = oc3_talk_get_room_name (talk);

  if (*room == '\0')
    /* Translators: when a talk is, in GNOME Shell's search results: "Wed 10:00–10:45". */
    return g_strdup_printf (_("%s %s"), weekday, range);

  /* Translators: when and where a talk is, in GNOME Shell's search results:
   * "Wed 10:00–10:45 · Saal 1". */
  return g_strdup_printf (_("%s %s · %s"), weekday, range, room);
}

static GListModel *
search (Oc3SearchProvider  *self,
        const char        **terms,
        guint               max_results)
{
  g_autofree char *query = NULL;

  if (self->index == NULL)
    return G_LIST_MODEL (g_list_store_new (OC3_TYPE_TALK));

  /* The Shell splits what was typed into terms; the index splits again. */
  query = g_strjoinv (" ", (char **) terms);
  return oc3_search_index_query (self->index, query, max_results);
}

static void
get_initial_result_set (Oc3SearchProvider     *self,
                        GVariant              *parameters,
                        GDBusMethodInvocation *invocation)
{
  g_autofree const char **terms = NULL;
  g_autoptr (GListModel) found = NULL;
  GVariantBuilder results;

  g_variant_get (parameters, "(^a&s)", &terms);
  found = search (self, terms, MAX_RESULTS);

  g_variant_builder_init (&results, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (found, i);

      g_variant_builder_add (&results, "s", oc3_talk_get_guid (talk));
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", &results));
}

/* The Shell narrows its last results as the user types on: the talks that
 * match the new terms, among those. */
static void
get_subsearch_result_set (Oc3SearchProvider     *self,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation)
{
  g_autofree const char **previous = NULL;
  g_autofree const char **terms = NULL;
  g_autoptr (GHashTable) previous_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GListModel) found = NULL;
  GVariantBuilder results;
  guint n_results = 0;

  g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
  for (guint i = 0; previous[i] != NULL; i++)
    g_hash_table_add (previous_set, (gpointer) previous[i]);

  found = search (self, terms, 0);

  g_variant_builder_init (&results, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < g_list_model_get_n_items (found) && n_results < MAX_RESULTS; i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (found, i);

      if (!g_hash_table_contains (previous_set, oc3_talk_get_guid (talk)))
        continue;

      g_variant_builder_add (&results, "s", oc3_talk_get_guid (talk));
      n_results++;
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", &results));
}

static void
get_result_metas (Oc3SearchProvider     *self,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation)
{
  g_autofree const char **ids = NULL;
  GVariantBuilder metas;

  g_variant_get (parameters, "(^a&s)", &ids);

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL && self->index != NULL; i++)
    {
      Oc3Conference *conference = oc3_search_index_get_conference (self->index);
      Oc3Talk *talk = oc3_conference_lookup_talk (conference, ids[i]);
      g_autofree char *description = NULL;

      /* An id from before the program was updated: the Shell skips it. */
      if (talk == NULL)
        continue;

      description = describe_talk (talk, self->zone);
      g_variant_builder_open (&metas, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&metas, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&metas, "{sv}", "name",
                             g_variant_new_string (oc3_talk_get_title (talk)));
      g_variant_builder_add (&metas, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_close (&metas);
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
}

static void
activate_result (Oc3SearchProvider     *self,
                 GVariant              *parameters,
                 GDBusMethodInvocation *invocation)
{
  const char *id = NULL;
  guint32 timestamp = 0;

  g_variant_get (parameters, "(&s^a&su)", &id, NULL, &timestamp);
  g_signal_emit (self, signals[ACTIVATE_TALK], 0, id, timestamp);

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
launch_search (Oc3SearchProvider     *self,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation)
{
  g_autofree const char **terms = NULL;
  g_autofree char *query = NULL;
  guint32 timestamp = 0;

  g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
  query = g_strjoinv (" ", (char **) terms);
  g_signal_emit (self, signals[LAUNCH_SEARCH], 0, query, timestamp);

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Oc3SearchProvider *self = user_data;
  g_autoptr (GApplication) application = NULL;

  if (self->application != NULL)
    application = g_object_ref (self->application);

  /* Holding and releasing restarts the inactivity timeout of an instance
   * that GNOME Shell started only to search. */
  if (application != NULL)
    g_application_hold (application);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    get_initial_result_set (self, parameters, invocation);
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    get_subsearch_result_set (self, parameters, invocation);
  else if (g_str_equal (method_name, "GetResultMetas"))
    get_result_metas (self, parameters, invocation);
  else if (g_str_equal (method_name, "ActivateResult"))
    activate_result (self, parameters, invocation);
  else if (g_str_equal (method_name, "LaunchSearch"))
    launch_search (self, parameters, invocation);
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);

  if (application != NULL)
    g_application_release (application);
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call_cb,
};

/**
 * oc3_search_provider_export:
 * @self: a #Oc3SearchProvider
 * @connection: the application's bus connection
 * @object_path: where to export, "/com/example/OC3/SearchProvider"
 * @error: return location for an error
 *
 * Call from the application's dbus_register vfunc. Calls are answered in the
 * thread-default main context of the caller.
 *
 * Returns: %TRUE when exported
 */
gboolean
oc3_search_provider_export (Oc3SearchProvider  *self,
                            GDBusConnection    *connection,
                            const char         *object_path,
                            GError            **error)
{
  guint id;

  g_return_val_if_fail (OC3_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (g_variant_is_object_path (object_path), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  id = g_dbus_connection_register_object (connection, object_path, get_interface_info (), &vtable,
                                          self, NULL, error);
  if (id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  self->registration_id = id;
  return TRUE;
}

/**
 * oc3_search_provider_unexport:
 * @self: a #Oc3SearchProvider
 *
 * Call from the application's dbus_unregister vfunc; does nothing if the
 * provider is not exported.
 */
void
oc3_search_provider_unexport (Oc3SearchProvider *self)
{
  g_return_if_fail (OC3_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

static void
oc3_search_provider_dispose (GObject *object)
{
  Oc3SearchProvider *self = OC3_SEARCH_PROVIDER (object);

  oc3_search_provider_unexport (self);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->index);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_search_provider_parent_class)->dispose (object);
}

static void
oc3_search_provider_class_init (Oc3SearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = oc3_search_provider_dispose;

  /**
   * Oc3SearchProvider::activate-talk:
   * @self: the provider
   * @guid: the talk chosen in GNOME Shell's results
   * @timestamp: the event time, for presenting the window
   *
   * The application opens the talk's page.
   */
  signals[ACTIVATE_TALK] =
    g_signal_new ("activate-talk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  /**
   * Oc3SearchProvider::launch-search:
   * @self: the provider
   * @query: the terms typed in GNOME Shell, joined by spaces
   * @timestamp: the event time, for presenting the window
   *
   * The user clicked OC3's icon in the results: the application shows its
   * search view with @query.
   */
  signals[LAUNCH_SEARCH] =
    g_signal_new ("launch-search", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
}

static void
oc3_search_provider_init (Oc3SearchProvider *self)
{
}
