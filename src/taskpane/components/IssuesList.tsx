import { Badge, Body1Strong, Caption1, Link, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { groupIssues, type AccountIssue } from "../../core";

/** Issues listed per kind; the rest are on the Issues sheet the build writes. */
const SHOWN_PER_KIND = 100;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  kind: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  issue: { display: "flex", flexDirection: "column" },
});

export interface IssuesListProps {
  readonly issues: readonly AccountIssue[];
  /** "250 rows read, 245 accounts used, 5 rows left out." */
  readonly summary: string;
  readonly onGoTo: (cell: string) => void;
}

/**
 * The account model's errors (rows left out) and warnings, grouped by kind with their counts (core: groupIssues); each
 * issue's "Go to" selects its cell in Excel. The rows left out are always said, none included.
 */
export const IssuesList: React.FC<IssuesListProps> = ({ issues, summary, onGoTo }) => {
  const styles = useStyles();
  const groups = React.useMemo(() => groupIssues(issues), [issues]);
  return (
    <section className={styles.section} aria-labelledby="kam-issues">
      <Subtitle2 as="h2" id="kam-issues">
        Issues
      </Subtitle2>
      <Text>{summary}</Text>
      {groups.length === 0 && <Caption1>No issues: every row was read as it stands.</Caption1>}
      {groups.map((g) => (
        <div key={`${g.severity}:${g.code}`} className={styles.section}>
          <h3 className={styles.kind}>
            <Body1Strong>{g.label}</Body1Strong>
            <Badge appearance="tint" color={g.severity === "error" ? "danger" : "warning"}>
              {`${g.issues.length} ${g.severity}${g.issues.length === 1 ? "" : "s"}`}
            </Badge>
          </h3>
          <ul className={styles.list}>
            {g.issues.slice(0, SHOWN_PER_KIND).map((issue, i) => (
              <li key={`${issue.cell}:${i}`} className={styles.issue}>
                <Link as="button" onClick={() => onGoTo(issue.cell)}>
                  {`Go to ${issue.cell}`}
                </Link>
                <Caption1>{issue.message}</Caption1>
              </li>
            ))}
          </ul>
          {g.issues.length > SHOWN_PER_KIND && (
            <Caption1>{`…and ${g.issues.length - SHOWN_PER_KIND} more, all listed on the Issues sheet the build writes.`}</Caption1>
          )}
        </div>
      ))}
    </section>
  );
};
