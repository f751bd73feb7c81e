/* oc3-speakers-view.c — everyone who speaks, alphabetically, under the
 * initial of their name, with a search that forgives accents and case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "oc3-speakers-view.h"

/* What sorting and searching need of a person, worked out once for each. */
typedef struct
{
  /* The name without accents, case-folded, as a collation key: "König"
   * sorts with "Konig", under K, whatever the locale. */
  char *sort_key;
  /* The name as written, as a collation key: the tie-breaker. */
  char *exact_key;
  /* The section: the initial of the plain name, "#" for a digit or sign. */
  char *initial;
  /* Name, affiliation and role without accents, case-folded. */
  char *search_text;
} PersonKeys;

struct _Oc3SpeakersView
{
  GtkWidget parent_instance;

  Oc3Conference      *conference;
  GTimeZone          *display_zone;
  GHashTable         *keys;
  GStrv               query_words;

  GtkSortListModel   *sort_model;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (Oc3SpeakersView, oc3_speakers_view, GTK_TYPE_WIDGET)

enum {
  PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
person_keys_free (PersonKeys *keys)
{
  g_free (keys->sort_key);
  g_free (keys->exact_key);
  g_free (keys->initial);
  g_free (keys->search_text);
  g_free (keys);
}

/* "Jürgen König" → "jurgen konig": compatibility decomposition splits
 * letters from their accents (and "ﬁ" into "fi"), the accents go, and case
 * folding makes "ß" match "ss". */
static char *
normalize_for_search (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr (GString) plain = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  plain = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;

        default:
          g_string_append_unichar (plain, c);
        }
    }

  return g_utf8_casefold (plain->str, plain->len);
}

static PersonKeys *
person_keys_new (Oc3Person *person)
{
  PersonKeys *keys = g_new0 (PersonKeys, 1);
  const char *name = oc3_person_get_name (person);
  g_autofree char *plain_name = normalize_for_search (name);
  g_autofree char *plain_affiliation = normalize_for_search (oc3_person_get_affiliation (person));
  g_autofree char *plain_role = normalize_for_search (oc3_person_get_role (person));
  const char *first = plain_name;

  /* Leading spaces and quotes do not decide where someone is listed. */
  while (*first != '\0' && !g_unichar_isalnum (g_utf8_get_char (first)))
    first = g_utf8_next_char (first);

  keys->sort_key = g_utf8_collate_key (first, -1);
  keys->exact_key = g_utf8_collate_key (name != NULL ? name : "", -1);
  if (*first != '\0' && g_unichar_isalpha (g_utf8_get_char (first)))
    {
      char initial[7] = { 0 };

      g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (first)), initial);
      keys->initial = g_strdup (initial);
    }
  else
    {
      keys->initial = g_strdup ("#");
    }
  keys->search_text = g_strjoin ("\n", plain_name, plain_affiliation, plain_role, NULL);

  return keys;
}

static PersonKeys *
get_keys (Oc3SpeakersView *self,
          Oc3Person       *person)
{
  PersonKeys *keys = g_hash_table_lookup (self->keys, person);

  if (keys == NULL)
    {
      keys = person_keys_new (person);
      g_hash_table_insert (self->keys, person, keys);
    }

  return keys;
}

static int
compare_initial_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  Oc3SpeakersView *self = user_data;
  PersonKeys *keys_a = get_keys (self, (Oc3Person *) a);
  PersonKeys *keys_b = get_keys (self, (Oc3Person *) b);
  gboolean other_a = g_str_equal (keys_a->initial, "#");
  gboolean other_b = g_str_equal (keys_b->initial, "#");

  /* Names that start with a digit or a sign come last, as in an index. */
  if (other_a != other_b)
    return other_a ? 1 : -1;

  return g_utf8_collate (keys_a->initial, keys_b->initial);
}

static int
compare_name_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Oc3SpeakersView *self = user_data;
  PersonKeys *keys_a = get_keys (self, (Oc3Person *) a);
  PersonKeys *keys_b = get_keys (self, (Oc3Person *) b);
  int order = strcmp (keys_a->sort_key, keys_b->sort_key);

  return order != 0 ? order : strcmp (keys_a->exact_key, keys_b->exact_key);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  Oc3SpeakersView *self = user_data;
  PersonKeys *keys;

  if (self->query_words == NULL)
    return TRUE;

  keys = get_keys (self, item);
  for (guint i = 0; self->query_words[i] != NULL; i++)
    {
      if (strstr (keys->search_text, self->query_words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
update_stack (Oc3SpeakersView *self)
{
  guint n_persons = self->conference != NULL ? g_list_model_get_n_items (oc3_conference_get_persons (self->conference)) : 0;
  guint n_results = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (n_persons == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Speakers"));
      adw_status_page_set_description (self->empty_page, _("This program names no speakers"));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Speakers Found"));
      adw_status_page_set_description (self->empty_page, _("Try a different search"));
    }

  gtk_stack_set_visible_child_name (self->stack, n_results > 0 ? "speakers" : "empty");
}

static void
search_changed_cb (Oc3SpeakersView *self,
                   GtkSearchEntry  *entry)
{
  g_autofree char *query = normalize_for_search (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (query), " \t\n", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    }

  g_clear_pointer (&self->query_words, g_strfreev);
  self->query_words = g_strv_builder_end (builder);
  if (self->query_words[0] == NULL)
    g_clear_pointer (&self->query_words, g_strfreev);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
activate_position (Oc3SpeakersView *self,
                   guint            position)
{
  g_autoptr (Oc3Person) person = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (person != NULL)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, person);
}

/* Enter in the search opens the first match: type a name, press Enter. */
static void
search_activate_cb (Oc3SpeakersView *self,
                    GtkSearchEntry  *entry)
{
  activate_position (self, 0);
}

static void
stop_search_cb (Oc3SpeakersView *self,
                GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
list_view_activate_cb (Oc3SpeakersView *self,
                       guint            position)
{
  activate_position (self, position);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Oc3SpeakersView          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);

  for (GtkWidget *label = name; label != NULL; label = label == name ? details : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (labels), label);
    }
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");

  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_item_set_child (list_item, box);
}

static char *
format_details (Oc3Person *person)
{
  const char *affiliation = oc3_person_get_affiliation (person);
  const char *role = oc3_person_get_role (person);

  if (!is_empty (role) && !is_empty (affiliation))
    /* Translators: a speaker's role at their organization, e.g. "CTO, Example Corp". */
    return g_strdup_printf (_("%s, %s"), role, affiliation);

  return g_strdup (!is_empty (affiliation) ? affiliation : role);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Oc3SpeakersView          *self)
{
  Oc3Person *person = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *avatar = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_next_sibling (avatar));
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autofree char *details_text = format_details (person);
  g_autofree char *accessible = NULL;

  adw_avatar_set_text (ADW_AVATAR (avatar), oc3_person_get_name (person));
  gtk_label_set_text (GTK_LABEL (name), oc3_person_get_name (person));
  gtk_label_set_text (GTK_LABEL (details), details_text != NULL ? details_text : "");
  gtk_widget_set_visible (details, !is_empty (details_text));

  if (!is_empty (details_text))
    /* Translators: a speaker for screen readers: name, then role and affiliation. */
    accessible = g_strdup_printf (_("%s, %s"), oc3_person_get_name (person), details_text);
  else
    accessible = g_strdup (oc3_person_get_name (person));
  gtk_list_item_set_accessible_label (list_item, accessible);
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 Oc3SpeakersView          *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                Oc3SpeakersView          *self)
{
  PersonKeys *keys = get_keys (self, gtk_list_header_get_item (header));

  gtk_label_set_text (GTK_LABEL (gtk_list_header_get_child (header)), keys->initial);
}

GtkWidget *
oc3_speakers_view_new (void)
{
  return g_object_new (OC3_TYPE_SPEAKERS_VIEW, NULL);
}

void
oc3_speakers_view_set_conference (Oc3SpeakersView *self,
                                  Oc3Conference   *conference,
                                  GTimeZone       *display_zone)
{
  g_return_if_fail (OC3_IS_SPEAKERS_VIEW (self));
  g_return_if_fail (conference == NULL || OC3_IS_CONFERENCE (conference));

  /* The keys belong to the old conference's persons. */
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  g_hash_table_remove_all (self->keys);

  g_set_object (&self->conference, conference);
  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  if (display_zone != NULL)
    self->display_zone = g_time_zone_ref (display_zone);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (conference != NULL)
    gtk_sort_list_model_set_model (self->sort_model, oc3_conference_get_persons (conference));

  update_stack (self);
}

/**
 * oc3_speakers_view_get_search_entry:
 * @self: a #Oc3SpeakersView
 *
 * Returns: (transfer none): the search entry
 */
GtkSearchEntry *
oc3_speakers_view_get_search_entry (Oc3SpeakersView *self)
{
  g_return_val_if_fail (OC3_IS_SPEAKERS_VIEW (self), NULL);

  return self->search_entry;
}

/**
 * oc3_speakers_view_get_results:
 * @self: a #Oc3SpeakersView
 *
 * Returns: (transfer none): the speakers shown, in order (element-type Oc3Person)
 */
GListModel *
oc3_speakers_view_get_results (Oc3SpeakersView *self)
{
  g_return_val_if_fail (OC3_IS_SPEAKERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

static void
oc3_speakers_view_dispose (GObject *object)
{
  Oc3SpeakersView *self = OC3_SPEAKERS_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_SPEAKERS_VIEW);
  /* The template's outer box has no id, so disposing the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->conference);

  G_OBJECT_CLASS (oc3_speakers_view_parent_class)->dispose (object);
}

static void
oc3_speakers_view_finalize (GObject *object)
{
  Oc3SpeakersView *self = OC3_SPEAKERS_VIEW (object);

  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->query_words, g_strfreev);
  g_clear_pointer (&self->display_zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_speakers_view_parent_class)->finalize (object);
}

static void
oc3_speakers_view_class_init (Oc3SpeakersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_speakers_view_dispose;
  object_class->finalize = oc3_speakers_view_finalize;

  signals[PERSON_ACTIVATED] =
    g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-speakers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3SpeakersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, Oc3SpeakersView, stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3SpeakersView, list_view);
  gtk_widget_class_bind_template_child (widget_class, Oc3SpeakersView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
oc3_speakers_view_init (Oc3SpeakersView *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) header_factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkSelectionModel) selection = NULL;

  self->keys = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) person_keys_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sort_model = gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_custom_sorter_new (compare_name_cb, self, NULL)));
  gtk_sort_list_model_set_section_sorter (self->sort_model,
                                          GTK_SORTER (gtk_custom_sorter_new (compare_initial_cb, self, NULL)));
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  /* Nothing to select: a speaker opens on a click, a tap or Enter. */
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model))));
  gtk_list_view_set_model (self->list_view, selection);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_header_cb), self);
  gtk_list_view_set_header_factory (self->list_view, header_factory);

  /* Typing anywhere in the view searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  update_stack (self);
}
