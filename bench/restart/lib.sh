# Shared by the kill -9 scripts beside it: source it after setting ROOT and PORT_BASE.

JAR="${JAR:-$ROOT/app/target/newspipe.jar}"
[[ -f "$JAR" ]] || { echo "no $JAR: build it first" >&2; exit 1; }

count() { # distinct articles, rows, rows beyond version 1
  sqlite3 -readonly "$1" "SELECT count(DISTINCT id), count(*), coalesce(sum(version > 1), 0) FROM articles" 2>/dev/null || echo "0|0|0"
}

start_up() { # data dir, source dir, log, run index
  NEWSPIPE_BROKER_PORT=$((PORT_BASE + 10 * $4)) NEWSPIPE_BROKER_CONTROLLER_PORT=$((PORT_BASE + 10 * $4 + 1)) \
    java ${NEWSPIPE_JAVA_OPTS:-} -jar "$JAR" up --data-dir "$1" --source "$2" --no-web >"$3" 2>&1 &
  echo $!
}

write_sources() { # directory, articles: distinct one-paragraph reports
  mkdir -p "$1"
  for i in $(seq 1 "$2"); do
    printf 'Report %d on the harbour talks\n\nDelegates met for round %d of the talks on shipping lanes and tariffs in the port city.\n' \
      "$i" "$i" >"$1/report-$i.txt"
  done
}
