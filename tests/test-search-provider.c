/* test-search-provider.c — GNOME Shell's view of OC3: the search provider,
 * called over a real D-Bus session bus (the headless session's own).
 *
 * The provider is exported on one connection to the bus, under the bus name
 * and object path that data/com.example.OC3.search-provider.ini announces,
 * and called through a GDBusProxy on a second connection, as the Shell
 * would. Calls are asynchronous: the provider answers from this thread's
 * main context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-schedule.h"
#include "oc3-search-provider.h"

/* In tests/search/data/oc3-search.schedule.json. */
#define OPENING  "5e4a7c1e-0000-4000-8000-000000000001"
#define RUST_TEE "5e4a7c1e-0000-4000-8000-000000000002"
#define ATTEST   "5e4a7c1e-0000-4000-8000-000000000003"
#define WHY_RUST "5e4a7c1e-0000-4000-8000-000000000006"
#define CLOSING  "5e4a7c1e-0000-4000-8000-000000000007"

#define PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"

static Oc3Conference *
load_fixture (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "tests", "search", "data",
                                            "oc3-search.schedule.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  Oc3Conference *conference = oc3_schedule_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return conference;
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Calls @method and runs the main loop (where the provider answers) until
 * the reply comes. */
static GVariant *
call (GDBusProxy  *proxy,
      const char  *method,
      GVariant    *parameters,
      GError     **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  g_dbus_proxy_call (proxy, method, parameters, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                     got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_dbus_proxy_call_finish (proxy, result, error);
}

static char *
call_for_ids (GDBusProxy *proxy,
              const char *method,
              GVariant   *parameters)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = call (proxy, method, parameters, &error);
  g_autofree const char **ids = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_type_string (reply), ==, "(as)");
  g_variant_get (reply, "(^a&s)", &ids);
  return g_strjoinv (" ", (char **) ids);
}

static GVariant *
terms (const char *first,
       ...)
{
  GVariantBuilder builder;
  va_list args;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  va_start (args, first);
  for (const char *term = first; term != NULL; term = va_arg (args, const char *))
    g_variant_builder_add (&builder, "s", term);
  va_end (args);

  return g_variant_builder_end (&builder);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

typedef struct
{
  char  *guid;
  guint  timestamp;
  int    count;
} Emission;

static void
activate_talk_cb (Oc3SearchProvider *provider,
                  const char        *guid,
                  guint              timestamp,
                  Emission          *emission)
{
  g_free (emission->guid);
  emission->guid = g_strdup (guid);
  emission->timestamp = timestamp;
  emission->count++;
}

static void
launch_search_cb (Oc3SearchProvider  *provider,
                  const char         *query,
                  guint               timestamp,
                  char              **out)
{
  g_free (*out);
  *out = g_strdup (query);
}

static void
test_search_provider (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();
  g_autoptr (Oc3SearchIndex) index = oc3_search_index_new (conference);
  g_autoptr (Oc3SearchProvider) provider = oc3_search_provider_new (NULL);
  g_autofree char *ini_path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "data",
                                                "com.example.OC3.search-provider.ini", NULL);
  g_autoptr (GKeyFile) ini = g_key_file_new ();
  g_autofree char *bus_name = NULL;
  g_autofree char *object_path = NULL;
  g_autofree char *address = NULL;
  g_autoptr (GDBusConnection) service = NULL;
  g_autoptr (GDBusConnection) shell = NULL;
  g_autoptr (GDBusProxy) proxy = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) metas = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) meta = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *id = NULL;
  gboolean acquired = FALSE;
  Emission activated = { NULL, 0, 0 };
  char *launched = NULL;
  guint owner_id;

  /* What GNOME Shell reads to find the provider. */
  g_key_file_load_from_file (ini, ini_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  bus_name = g_key_file_get_string (ini, "Shell Search Provider", "BusName", NULL);
  object_path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", NULL);
  g_assert_cmpstr (bus_name, ==, APPLICATION_ID);
  g_assert_cmpstr (object_path, ==, "/com/example/OC3/SearchProvider");
  g_assert_cmpint (g_key_file_get_integer (ini, "Shell Search Provider", "Version", NULL), ==, 2);
  g_assert_true (g_key_file_has_key (ini, "Shell Search Provider", "DesktopId", NULL));

  /* The application's side: export and take the name, as GApplication does. */
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  service = g_dbus_connection_new_for_address_sync (address,
                                                    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                    NULL, NULL, &error);
  g_assert_no_error (error);
  oc3_search_provider_set_index (provider, index, NULL);
  g_assert_true (oc3_search_provider_export (provider, service, object_path, &error));
  g_assert_no_error (error);
  owner_id = g_bus_own_name_on_connection (service, bus_name, G_BUS_NAME_OWNER_FLAGS_NONE,
                                           name_acquired_cb, NULL, &acquired, NULL);
  while (!acquired)
    g_main_context_iteration (NULL, TRUE);

  g_signal_connect (provider, "activate-talk", G_CALLBACK (activate_talk_cb), &activated);
  g_signal_connect (provider, "launch-search", G_CALLBACK (launch_search_cb), &launched);

  /* The Shell's side. */
  shell = g_dbus_connection_new_for_address_sync (address,
                                                  G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                  NULL, NULL, &error);
  g_assert_no_error (error);
  proxy = g_dbus_proxy_new_sync (shell,
                                 G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES |
                                 G_DBUS_PROXY_FLAGS_DO_NOT_CONNECT_SIGNALS |
                                 G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                                 NULL, bus_name, object_path, PROVIDER_INTERFACE, NULL, &error);
  g_assert_no_error (error);

  /* Accents and case, as typed in the Shell. */
  ids = call_for_ids (proxy, "GetInitialResultSet", g_variant_new ("(@as)", terms ("konig", NULL)));
  g_assert_cmpstr (ids, ==, RUST_TEE);
  g_clear_pointer (&ids, g_free);

  /* Ranked: titles, then the speaker Rusty Russell, then an abstract. */
  ids = call_for_ids (proxy, "GetInitialResultSet", g_variant_new ("(@as)", terms ("rust", NULL)));
  g_assert_cmpstr (ids, ==, RUST_TEE " " WHY_RUST " " ATTEST " " OPENING);
  g_clear_pointer (&ids, g_free);

  /* Several terms: all must match. */
  ids = call_for_ids (proxy, "GetInitialResultSet",
                      g_variant_new ("(@as)", terms ("SÃO", "paulo", NULL)));
  g_assert_cmpstr (ids, ==, ATTEST " " CLOSING);
  g_clear_pointer (&ids, g_free);

  ids = call_for_ids (proxy, "GetInitialResultSet",
                      g_variant_new ("(@as)", terms ("qwxzvbnm", NULL)));
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);

  /* Narrowing keeps to the previous results, ranked anew: "why" is in one
   * title, and in the other talk's description. */
  ids = call_for_ids (proxy, "GetSubsearchResultSet",
                      g_variant_new ("(@as@as)",
                                     terms (RUST_TEE, WHY_RUST, ATTEST, OPENING, NULL),
                                     terms ("rust", "why", NULL)));
  g_assert_cmpstr (ids, ==, WHY_RUST " " RUST_TEE);
  g_clear_pointer (&ids, g_free);

  ids = call_for_ids (proxy, "GetSubsearchResultSet",
                      g_variant_new ("(@as@as)", terms (OPENING, NULL), terms ("rusty", NULL)));
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);

  /* Metas: title and "weekday time · room"; unknown ids are left out. */
  metas = call (proxy, "GetResultMetas",
                g_variant_new ("(@as)", terms (RUST_TEE, "no-such-talk", NULL)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_type_string (metas), ==, "(aa{sv})");
  reply = g_variant_get_child_value (metas, 0);
  g_assert_cmpuint (g_variant_n_children (reply), ==, 1);
  meta = g_variant_get_child_value (reply, 0);
  g_assert_true (g_variant_lookup (meta, "id", "s", &id));
  g_assert_true (g_variant_lookup (meta, "name", "s", &name));
  g_assert_true (g_variant_lookup (meta, "description", "s", &description));
  g_assert_cmpstr (id, ==, RUST_TEE);
  g_assert_cmpstr (name, ==, "Rust for Trusted Execution Environments");
  g_assert_cmpstr (description, ==, "Wed 10:00–10:45 · Saal 1");
  g_clear_pointer (&reply, g_variant_unref);

  /* Choosing a result asks the application to open that talk. */
  reply = call (proxy, "ActivateResult",
                g_variant_new ("(s@asu)", ATTEST, terms ("sao", NULL), 4242), &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  g_assert_cmpint (activated.count, ==, 1);
  g_assert_cmpstr (activated.guid, ==, ATTEST);
  g_assert_cmpuint (activated.timestamp, ==, 4242);

  reply = call (proxy, "LaunchSearch",
                g_variant_new ("(@asu)", terms ("sao", "paulo", NULL), 7), &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  g_assert_cmpstr (launched, ==, "sao paulo");

  /* Without a conference yet, nothing is found, and nothing fails. */
  oc3_search_provider_set_index (provider, NULL, NULL);
  ids = call_for_ids (proxy, "GetInitialResultSet", g_variant_new ("(@as)", terms ("rust", NULL)));
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);

  /* Once unexported, the object is gone from the bus. */
  oc3_search_provider_unexport (provider);
  reply = call (proxy, "GetInitialResultSet",
                g_variant_new ("(@as)", terms ("rust", NULL)), &error);
  g_assert_null (reply);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_bus_unown_name (owner_id);
  g_free (activated.guid);
  g_free (launched);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-provider/over-dbus", test_search_provider);

  return g_test_run ();
}
