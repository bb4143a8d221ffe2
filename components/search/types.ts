/** What the search screen's components are given by the page. */
export interface SearchCode {
  id: number;
  name: string;
  path: string;
  color: string;
  archived: boolean;
}
