package io.newspipe.enrich.topology;

import io.newspipe.schemas.TaggedArticle;
import java.util.List;

/**
 * A tagged article and the tags whose topics must see it: its own tags, plus those the previous
 * version had (so subscribers learn it left them). Lives only between two processors of one task:
 * never serialised.
 */
record Enriched(TaggedArticle article, List<String> routeTags) {}
