import { SelectField } from "./field";

/**
 * A filter form's (method="get") select over one query parameter: "any" first, as the empty
 * value that leaves the parameter out, then the choices given as children.
 */
export function FilterSelect({
  id,
  label,
  name,
  value,
  any,
  children,
}: {
  id: string;
  label: string;
  name: string;
  /** The parameter's current value; none selects "any". */
  value: string | undefined;
  any: string;
  children: React.ReactNode;
}) {
  return (
    <SelectField id={id} label={label} name={name} defaultValue={value ?? ""}>
      <option value="">{any}</option>
      {children}
    </SelectField>
  );
}
