"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField, inputClasses, Options, SelectField } from "@/components/ui/field";
import { FormError, setFieldErrors } from "@/components/ui/form-outcome";
import { TOKEN_ROLES } from "@/lib/domain/policy";
import {
  type CreateApiTokenInput,
  createApiTokenSchema,
  TOKEN_DEFAULT_DAYS,
  TOKEN_ROLE_LABELS,
} from "@/lib/domain/tokens/schemas";
import type { ActionResult } from "@/lib/server/action";

/** What the controls hold: the days are typed as text and coerced by the schema. */
interface TokenFormValues {
  name: string;
  role: CreateApiTokenInput["role"];
  expiresInDays: string;
}

type CreateAction = (
  values: unknown,
) => Promise<ActionResult<{ id: string; name: string; role: string; token: string }>>;

export function CreateTokenForm({ action }: { action: CreateAction }) {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TokenFormValues, unknown, CreateApiTokenInput>({
    // The schema coerces the days; its declared input type is looser than the controls'.
    resolver: zodResolver(createApiTokenSchema) as unknown as Resolver<
      TokenFormValues,
      unknown,
      CreateApiTokenInput
    >,
    defaultValues: { name: "", role: "specialist", expiresInDays: String(TOKEN_DEFAULT_DAYS) },
  });

  const onSubmit = async (values: CreateApiTokenInput) => {
    setFormError(null);
    setCopied(false);
    const result = await action(values);
    if (!result.ok) {
      setFormError(result.message);
      setFieldErrors(setError, result.fieldErrors, ["name", "role", "expiresInDays"]);
      return;
    }
    setCreated({ name: result.data.name, token: result.data.token });
    reset({ name: "", role: values.role, expiresInDays: String(values.expiresInDays) });
  };

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created.token);
    setCopied(true);
  };

  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold">Create a token</h2>
      {created ? (
        <div
          className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3"
          role="status"
        >
          <p className="font-medium text-emerald-900">
            Token “{created.name}” created. Copy it now: it is shown only this once.
          </p>
          <label htmlFor="new-token" className="block text-sm font-medium text-slate-800">
            Your new token
          </label>
          <input
            id="new-token"
            readOnly
            value={created.token}
            data-testid="new-token"
            className={`${inputClasses} font-mono text-sm`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="flex items-center gap-3">
            <Button variant="secondary" onClick={copy}>
              Copy token
            </Button>
            <span aria-live="polite" className="text-sm text-slate-700">
              {copied ? "Copied." : ""}
            </span>
          </div>
          <p className="text-sm text-slate-700">
            Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </div>
      ) : null}
      <FormError message={formError} />
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2">
        <InputField
          id="token-name"
          label="Name"
          hint="What will use it, e.g. “SIS roster sync”."
          error={errors.name?.message}
          {...register("name")}
        />
        <SelectField
          id="token-role"
          label="Role"
          error={errors.role?.message}
          {...register("role")}
        >
          <Options items={TOKEN_ROLES} label={(role) => TOKEN_ROLE_LABELS[role]} />
        </SelectField>
        <InputField
          id="token-expires"
          label="Works for (days)"
          hint="1 to 365 days; then the token stops working and a new one is needed."
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          error={errors.expiresInDays?.message}
          {...register("expiresInDays")}
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create token"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
