package io.newspipe.bench;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic corpus of wire-like articles of about 1 KB: the same {@code seed} and index give
 * the same text on every machine. Each article belongs to an event (about three reports each, in
 * different wordings, so story clustering has work to do) on one of several beats; some beats are
 * what the default taxonomy tags (elections, narcotics, the Middle East, the war in Ukraine, US and
 * China, AI, espionage), the others are ordinary copy (markets, sport, weather, courts) that should
 * mostly stay untagged. Vocabulary is drawn from lists of names, places, organisations and numbers,
 * so the story stage sees many distinct words.
 */
public final class Corpus {

  /** Reports per event, on average. */
  static final int REPORTS_PER_EVENT = 3;

  private static final String[] PLACES = {
    "Amman",
    "Beirut",
    "Baghdad",
    "Cairo",
    "Damascus",
    "Gaza",
    "Tehran",
    "Riyadh",
    "Kyiv",
    "Kharkiv",
    "Odesa",
    "Moscow",
    "Beijing",
    "Shanghai",
    "Taipei",
    "Washington",
    "Brussels",
    "Lagos",
    "Nairobi",
    "Bogota",
    "Lima",
    "Manila",
    "Jakarta",
    "Karachi",
    "Dhaka",
    "Madrid",
    "Lisbon",
    "Warsaw",
    "Bucharest",
    "Tbilisi",
    "Quito",
    "Caracas",
    "Mexico City",
    "Culiacan",
    "Rotterdam",
    "Antwerp",
    "Marseille",
    "Naples",
    "Sydney",
    "Toronto",
    "Chicago",
    "Phoenix"
  };
  private static final String[] PEOPLE = {
    "Amina Haddad", "Oleh Kovalenko", "Li Wei", "Maria Santos", "James Okafor", "Sofia Rossi",
    "Ahmed Karimi", "Elena Petrova", "David Cohen", "Nadia Benali", "Carlos Mendez", "Yuki Tanaka",
    "Fatima Zahra", "Pieter de Vries", "Ana Lima", "Tomasz Nowak", "Grace Mwangi", "Omar Farouk",
    "Hannah Becker", "Ravi Sharma", "Lucia Ortega", "Samuel Adeyemi", "Irina Volkova", "Chen Jing"
  };
  private static final String[] ORGS = {
    "the interior ministry", "the electoral commission", "customs officials", "the central bank",
    "the health ministry", "prosecutors", "the coast guard", "the defence ministry",
    "the national police", "the finance ministry", "regulators", "the foreign ministry",
    "a parliamentary committee", "the supreme court", "the port authority", "city officials"
  };
  private static final String[] FILLER = {
    "Officials said the investigation was continuing and that more details would follow.",
    "The announcement came after weeks of speculation in local media.",
    "Analysts said the move could have wider consequences for the region.",
    "Opposition figures criticised the decision and called for an independent inquiry.",
    "A spokesperson declined to comment further when contacted on %d %s.",
    "Figures released on Tuesday showed a rise of %d percent compared with last year.",
    "Residents told reporters they had heard nothing until the morning.",
    "The statement did not say how many people were involved.",
    "Markets reacted calmly, with the main index closing %d points higher.",
    "Diplomats in %s said talks would resume next week.",
    "The government has faced mounting pressure over its handling of the issue.",
    "Local newspapers reported that %d people had been questioned.",
    "Critics say the measures do not go far enough, while supporters call them overdue.",
    "The ministry said it would publish a full report within %d days.",
    "Security was tightened around government buildings in %s.",
    "Several witnesses described scenes of confusion near the main square.",
    "It was not immediately clear who was responsible.",
    "The agency said it had received %d complaints since the start of the month."
  };
  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  /**
   * A beat: headline and lead templates ({@code %1$s} place, {@code %2$s} person, {@code %3$d}
   * number, {@code %4$s} organisation) and more body sentences.
   */
  private record Beat(String[] headlines, String[] leads, String[] body) {}

  private static final Beat[] BEATS = {
    new Beat(
        new String[] {
          "Vote buying alleged in %1$s as %3$d arrested before poll",
          "Ballot stuffing claims shake %1$s election count",
          "Electoral commission in %1$s probes voter intimidation"
        },
        new String[] {
          "Police in %1$s arrested %3$d people accused of handing out cash to voters days before"
              + " the election, %4$s said.",
          "Observers reported ballot stuffing at polling stations across %1$s, and %2$s called for"
              + " a recount of the votes.",
          "%4$s opened an inquiry into voter intimidation in %1$s after %3$d complaints from"
              + " voters who said they were turned away."
        },
        new String[] {
          "Election observers said the vote had been marred by irregularities.",
          "The ruling party denied any involvement in vote rigging.",
          "Turnout was reported at %3$d percent, lower than at the last election.",
          "Candidates accused each other of election fraud during a televised debate."
        }),
    new Beat(
        new String[] {
          "Police seize %3$d kg of cocaine in %1$s port",
          "Drug cartel leader arrested in %1$s raid",
          "Captagon haul seized near %1$s border"
        },
        new String[] {
          "Customs officers in %1$s seized %3$d kilograms of cocaine hidden in a shipment of"
              + " bananas, %4$s said on Monday.",
          "A suspected drug cartel leader wanted in several countries was arrested in %1$s, and"
              + " %2$s said the operation took two years.",
          "Border guards near %1$s intercepted %3$d thousand captagon pills in a drug smuggling"
              + " attempt, %4$s said."
        },
        new String[] {
          "The drug trafficking network used shipping containers to move its cargo.",
          "Fentanyl overdoses have risen sharply in the past two years.",
          "Investigators said the drug ring laundered money through property deals.",
          "The seizure is among the largest this year."
        }),
    new Beat(
        new String[] {
          "Talks in %1$s aim for Gaza ceasefire",
          "Israel and Hezbollah trade fire near Lebanese border",
          "Iran and Saudi Arabia hold talks in %1$s"
        },
        new String[] {
          "Negotiators met in %1$s on Sunday to discuss a ceasefire in Gaza, and %2$s said %3$d"
              + " hostages could be released.",
          "Israeli forces and Hezbollah fighters exchanged fire across the Lebanese border, %4$s"
              + " said, and %3$d families fled their homes.",
          "Iranian and Saudi diplomats met in %1$s for a new round of talks on Yemen, Syria and"
              + " shipping in the Red Sea."
        },
        new String[] {
          "The West Bank has seen a surge in violence this year.",
          "Egypt and Qatar have acted as mediators between the sides.",
          "Humanitarian agencies warned of shortages of food and fuel in Gaza.",
          "Oil prices rose on fears of a wider conflict in the Middle East."
        }),
    new Beat(
        new String[] {
          "Russian drone strike hits %1$s energy plant",
          "Ukraine says it repelled offensive near Zaporizhzhia",
          "Kyiv and allies discuss military aid for Ukraine"
        },
        new String[] {
          "A Russian drone strike damaged an energy plant near %1$s overnight, Ukrainian officials"
              + " said, leaving %3$d homes without power.",
          "Ukrainian troops repelled a Russian offensive near Zaporizhzhia, %4$s said, and %2$s"
              + " said the front line held.",
          "Ministers met in %1$s to discuss military aid for Ukraine as the war entered another"
              + " winter."
        },
        new String[] {
          "Moscow said its forces had taken several villages.",
          "The Kremlin did not comment on the report.",
          "Shelling continued along the front line in the east.",
          "Sanctions against Russia were extended for another six months."
        }),
    new Beat(
        new String[] {
          "US and China hold trade talks in %1$s",
          "Washington tightens export controls on Chinese chips",
          "Beijing protests US arms sale to Taiwan"
        },
        new String[] {
          "US and Chinese officials held trade talks in %1$s, and %2$s said tariffs were on the"
              + " agenda.",
          "Washington announced new export controls on advanced chips to China, %4$s said.",
          "Beijing lodged a protest with Washington over a planned arms sale to Taiwan worth %3$d"
              + " million dollars."
        },
        new String[] {
          "Relations between the United States and China have been strained.",
          "The Chinese foreign ministry called the move a violation of trade rules.",
          "Both sides said they wanted to keep channels of communication open."
        }),
    new Beat(
        new String[] {
          "Startup in %1$s unveils new AI model",
          "Regulators in %1$s draft rules for artificial intelligence",
          "Chatbot errors prompt review at %1$s bank"
        },
        new String[] {
          "A startup based in %1$s released a new large language model it says rivals the best"
              + " systems, %2$s said.",
          "%4$s published draft rules for artificial intelligence that would require companies"
              + " to label AI-generated content.",
          "A bank in %1$s suspended its AI chatbot after it gave customers wrong answers on %3$d"
              + " occasions."
        },
        new String[] {
          "Machine learning researchers questioned the benchmark results.",
          "The company said the system was trained on licensed data.",
          "Critics warned about the use of facial recognition in public places."
        }),
    new Beat(
        new String[] {
          "Diplomat expelled from %1$s over spying claims",
          "Court in %1$s jails former official for espionage"
        },
        new String[] {
          "%1$s expelled a foreign diplomat accused of spying on military sites, %4$s said.",
          "A court in %1$s sentenced a former official to %3$d years in prison for espionage and"
              + " passing state secrets."
        },
        new String[] {
          "The intelligence officer had been under surveillance for months.",
          "Prosecutors said the spy ring recruited people online."
        }),
    new Beat(
        new String[] {
          "%1$s stocks close higher as banks rally",
          "Central bank in %1$s holds rates at %3$d basis points",
          "Retail sales in %1$s rise for third month"
        },
        new String[] {
          "Shares in %1$s closed higher on Thursday as bank stocks rallied after strong earnings,"
              + " traders said.",
          "%4$s kept its key interest rate unchanged, and %2$s said inflation was slowing.",
          "Retail sales in %1$s rose for a third consecutive month, official data showed."
        },
        new String[] {
          "The currency was little changed against the dollar.",
          "Economists expect growth to pick up in the second half of the year.",
          "Bond yields fell slightly after the announcement."
        }),
    new Beat(
        new String[] {
          "%1$s club wins league title on final day",
          "%2$s breaks record at %1$s marathon",
          "Coach leaves %1$s side after %3$d games"
        },
        new String[] {
          "The club from %1$s won the league title on the final day of the season after a %3$d-1"
              + " victory.",
          "%2$s broke the course record at the %1$s marathon on Sunday, finishing in just over two"
              + " hours.",
          "The coach of the %1$s side left the club after %3$d games in charge, the board said."
        },
        new String[] {
          "Fans celebrated in the streets until late at night.",
          "The team's captain praised the supporters.",
          "The season resumes after the international break."
        }),
    new Beat(
        new String[] {
          "Storm brings flooding to %1$s",
          "Heatwave in %1$s breaks records",
          "Snow closes roads around %1$s"
        },
        new String[] {
          "Heavy rain brought flooding to parts of %1$s, and %4$s said %3$d people were"
              + " evacuated.",
          "Temperatures in %1$s reached record highs on Wednesday, forecasters said.",
          "Snow closed %3$d roads around %1$s and delayed flights at the airport."
        },
        new String[] {
          "Forecasters expect the weather to improve by the weekend.",
          "Emergency services were on standby.",
          "Schools in the area were closed for the day."
        })
  };

  private final long seed;

  public Corpus(long seed) {
    this.seed = seed;
  }

  /** One generated article: a headline and a body of paragraphs. */
  public record Text(String headline, String body) {

    /** As a plain-text file: the headline, a blank line, the body. */
    String asFile() {
      return headline + "\n\n" + body + "\n";
    }
  }

  /** Article {@code i}: deterministic in the seed and {@code i}. */
  public Text text(int i) {
    int event = i / REPORTS_PER_EVENT;
    SplittableRandom facts = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + event);
    Beat beat = BEATS[facts.nextInt(BEATS.length)];
    int kind = facts.nextInt(beat.headlines().length);
    Object[] args = {
      pick(facts, PLACES), pick(facts, PEOPLE), 2 + facts.nextInt(400), pick(facts, ORGS)
    };
    SplittableRandom words = new SplittableRandom(seed * 31 + i * 0x632BE59BD9B4E019L);
    String headline = String.format(beat.headlines()[kind], args);
    if (words.nextInt(3) == 0) {
      headline = "UPDATE " + (1 + words.nextInt(3)) + "-" + headline;
    }
    StringBuilder body = new StringBuilder();
    body.append(pick(words, PLACES).toUpperCase(java.util.Locale.ROOT))
        .append(", ")
        .append(MONTHS[facts.nextInt(12)])
        .append(' ')
        .append(1 + facts.nextInt(28))
        .append(" - ")
        .append(String.format(beat.leads()[kind], args));
    int paragraph = 1;
    while (body.length() < 950) {
      body.append(paragraph % 3 == 0 ? "\n\n" : " ");
      paragraph++;
      if (words.nextInt(3) == 0) {
        body.append(String.format(pick(words, beat.body()), args));
      } else {
        String filler = pick(words, FILLER);
        body.append(
            filler.contains("%d")
                ? String.format(filler, 1 + words.nextInt(90), MONTHS[words.nextInt(12)])
                : filler.contains("%s") ? String.format(filler, pick(words, PLACES)) : filler);
      }
    }
    body.append(" Reporting by ").append(pick(words, PEOPLE)).append('.');
    return new Text(headline, body.toString());
  }

  /**
   * Article {@code i} as the event ingest would publish, published (and timestamped) at {@code at}.
   */
  Article article(int i, Instant at) {
    Text text = text(i);
    return Article.newBuilder()
        .setId("bench:" + seed + ":" + i)
        .setVersion(1)
        .setSource(new Source("bench", "Bench wire", null, "text"))
        .setHeadline(text.headline())
        .setBody(text.body())
        .setLanguage("en")
        .setPublishedAt(at)
        .setReceivedAt(at)
        .setSignal(Signal.USABLE)
        .setSubjects(List.of())
        .setContentHash(Integer.toHexString(text.hashCode()))
        .build();
  }

  /**
   * Writes articles {@code 0..n-1} as {@code .txt} files under {@code dir}, 1,000 per folder.
   *
   * @return bytes written
   */
  long write(Path dir, int n) throws IOException {
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      Path folder = dir.resolve(String.format("%04d", i / 1000));
      if (i % 1000 == 0) {
        Files.createDirectories(folder);
      }
      byte[] content = text(i).asFile().getBytes(StandardCharsets.UTF_8);
      Files.write(folder.resolve(String.format("a%07d.txt", i)), content);
      bytes += content.length;
    }
    return bytes;
  }

  private static <T> T pick(SplittableRandom random, T[] from) {
    return from[random.nextInt(from.length)];
  }
}
